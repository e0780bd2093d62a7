import { readFileSync } from 'node:fs';
import type { TestApp } from './test-app.js';

/** A 1×1 PNG: real magic bytes for upload tests. */
export const PNG_BYTES = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6360f8ffff3f0005fe02fea7d6a2b90000000049454e44ae426082',
  'hex',
);

/**
 * A one-page PDF receipt (`test/fixtures/receipt.pdf`, also read by the e2e and bench helpers):
 * the file the refund template's agent review requires (`form.attachments.required`).
 */
export const RECEIPT_PDF = readFileSync(new URL('./fixtures/receipt.pdf', import.meta.url));

/**
 * A multipart/form-data body written by hand, so a test can send any file
 * name (form-data libraries strip path parts before the server sees them).
 */
export function multipart(
  file: { name: string; bytes: Buffer; type?: string },
  fields: Record<string, string> = {},
): { body: Buffer; contentType: string } {
  const boundary = `----ticketflow${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\n` +
        `Content-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
    ),
    file.bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Uploads one file to a ticket as `token`'s user; answers the raw response. */
export async function uploadFile(
  t: TestApp,
  auth: Record<string, string>,
  ticketId: string,
  file: { name: string; bytes: Buffer; type?: string },
  fields: Record<string, string> = {},
) {
  const { body, contentType } = multipart(file, fields);
  return t.http
    .post(`/api/tickets/${ticketId}/attachments`)
    .set(auth)
    .set('Content-Type', contentType)
    .send(body);
}

/**
 * Attaches the sample receipt to a ticket as `username` (the requester by default, as when they
 * open a refund), so a step whose form requires a file can be completed. Throws unless stored.
 */
export async function attachReceipt(t: TestApp, ticketId: string, username = 'requester') {
  const response = await uploadFile(t, { Authorization: `Bearer ${await t.login(username)}` }, ticketId, {
    name: 'receipt.pdf',
    bytes: RECEIPT_PDF,
    type: 'application/pdf',
  });
  if (response.status !== 201)
    throw new Error(`attach receipt: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as { id: string; name: string };
}

/**
 * The same upload over plain `fetch`, for tests that talk to a server in another process. Throws
 * unless stored.
 */
export async function attachReceiptOver(baseUrl: string, token: string, ticketId: string) {
  const form = new FormData();
  form.append('file', new Blob([RECEIPT_PDF], { type: 'application/pdf' }), 'receipt.pdf');
  const response = await fetch(`${baseUrl}/api/tickets/${ticketId}/attachments`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
    body: form,
  });
  if (response.status !== 201) throw new Error(`attach receipt: ${response.status} ${await response.text()}`);
}
