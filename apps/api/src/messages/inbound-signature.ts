import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-ticketflow-signature';

/** `sha256=<hex>` of the HMAC-SHA256 of `body` under `secret`. Pure. */
export function signBody(secret: string, body: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** True when `header` is the body's signature under `secret`, compared in constant time. Pure. */
export function verifySignature(secret: string, body: Buffer | string, header: string): boolean {
  const expected = Buffer.from(signBody(secret, body));
  const given = Buffer.from(header.trim());
  return given.length === expected.length && timingSafeEqual(given, expected);
}
