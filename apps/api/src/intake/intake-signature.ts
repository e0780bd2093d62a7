import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-ticketflow-signature';

/** The header value a sender puts on `body`: `sha256=<hex HMAC-SHA256>`. Pure. */
export function signIntakeBody(secret: string, body: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/**
 * True when `header` is `sha256=<hex>` and equals the HMAC-SHA256 of the raw
 * body under `secret`, compared in constant time. Pure.
 */
export function verifyIntakeSignature(secret: string, body: Buffer, header: string | undefined): boolean {
  if (typeof header !== 'string' || !/^sha256=[0-9a-fA-F]{64}$/.test(header.trim())) return false;
  const given = Buffer.from(header.trim().slice('sha256='.length).toLowerCase(), 'hex');
  const expected = createHmac('sha256', secret).update(body).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}
