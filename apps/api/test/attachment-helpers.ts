import type { TestApp } from './test-app.js';

/** A 1×1 PNG: real magic bytes for upload tests. */
export const PNG_BYTES = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6360f8ffff3f0005fe02fea7d6a2b90000000049454e44ae426082',
  'hex',
);

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
