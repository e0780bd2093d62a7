import { Webhook, WebhookVerificationError } from 'standardwebhooks';

/** The three Standard Webhooks headers (https://www.standardwebhooks.com). */
export const WEBHOOK_HEADERS = {
  id: 'webhook-id',
  timestamp: 'webhook-timestamp',
  signature: 'webhook-signature',
} as const;

/** The library's fixed tolerance: a timestamp more than this far from now is refused. */
export const WEBHOOK_TOLERANCE_SECONDS = 5 * 60;

/**
 * A secret as the library wants it: `whsec_<base64>` (the Standard Webhooks
 * form) is decoded; any other string is used as its raw bytes. Pure.
 */
function webhookFor(secret: string): Webhook {
  return secret.startsWith('whsec_') ? new Webhook(secret) : new Webhook(secret, { format: 'raw' });
}

/** Why a signed delivery was refused, as a stable code. */
export type WebhookRefusal =
  'webhook-headers-missing' | 'webhook-timestamp-outside-tolerance' | 'invalid-signature';

/**
 * Checks `webhook-signature` over `webhook-id.webhook-timestamp.body` against
 * each secret (two during a rotation) and the timestamp against the
 * tolerance window, with the `standardwebhooks` library. Pure apart from the
 * clock. Returns the delivery id, or the reason for refusing.
 */
export function verifyWebhook(
  secrets: string[],
  headers: Record<string, string | undefined>,
  body: Buffer,
): { ok: true; id: string } | { ok: false; reason: WebhookRefusal } {
  const id = headers[WEBHOOK_HEADERS.id];
  const timestamp = headers[WEBHOOK_HEADERS.timestamp];
  const signature = headers[WEBHOOK_HEADERS.signature];
  if (!id || !timestamp || !signature || id.length > 200)
    return { ok: false, reason: 'webhook-headers-missing' };
  let reason: WebhookRefusal = 'invalid-signature';
  for (const secret of secrets) {
    try {
      webhookFor(secret).verify(
        body,
        { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': signature },
        { jsonParse: false },
      );
      return { ok: true, id };
    } catch (error) {
      if (
        error instanceof WebhookVerificationError &&
        /timestamp|Invalid Signature Headers/i.test(error.message)
      )
        reason = 'webhook-timestamp-outside-tolerance';
    }
  }
  return { ok: false, reason };
}

/**
 * The three headers that sign `body` under `secret` as delivery `id` at
 * `at` — what a sender (our outbound HTTP actions, or a test) puts on a request. Pure.
 */
export function signWebhook(
  secret: string,
  id: string,
  body: string | Buffer,
  at = new Date(),
): Record<string, string> {
  return {
    [WEBHOOK_HEADERS.id]: id,
    [WEBHOOK_HEADERS.timestamp]: String(Math.floor(at.getTime() / 1000)),
    [WEBHOOK_HEADERS.signature]: webhookFor(secret).sign(id, at, body),
  };
}
