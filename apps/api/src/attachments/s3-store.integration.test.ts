import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG_BYTES, uploadFile } from '../../test/attachment-helpers.js';
import { asOwner, startTestApp, testConfig, type TestApp } from '../../test/test-app.js';
import { ticketClient } from '../../test/ticket-helpers.js';
import { loadAttachmentsConfig } from './attachments-config.js';

/**
 * ATTACHMENT_STORE=s3 against s3rver, an S3-compatible server from npm on
 * loopback, through the official client: bytes go to the bucket, the row
 * keeps only the key, and downloads read the object back.
 */
describe('attachments in an S3-compatible bucket', () => {
  let server: S3rver;
  let directory: string;
  let t: TestApp;
  let client: ReturnType<typeof ticketClient>;
  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'ticketflow-s3-'));
    server = new S3rver({
      port: 0,
      address: '127.0.0.1',
      silent: true,
      directory,
      configureBuckets: [{ name: 'tickets', configs: [] }],
    });
    const { port } = await server.run();
    const attachments = loadAttachmentsConfig({
      ATTACHMENT_STORE: 's3',
      S3_BUCKET: 'tickets',
      S3_ENDPOINT: `http://127.0.0.1:${port}`,
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_PREFIX: 'files/',
    });
    t = await startTestApp({ attachments: { ...testConfig('/tmp', undefined).attachments, ...attachments } });
    client = ticketClient(t);
  });
  afterAll(async () => {
    await t?.close();
    await server?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('writes the bytes to the bucket, keeps only the key in PostgreSQL, and downloads them back', async () => {
    const ticket = await client.createTicket('requester', {
      workflowKey: 'refund-approval',
      title: 'Refund with a receipt in S3',
      fields: { refundAmount: 120, channel: 'web' },
    });
    const uploaded = await uploadFile(t, await client.auth('requester'), ticket.id, {
      name: 'receipt.png',
      bytes: PNG_BYTES,
    });
    expect(uploaded.status).toBe(201);
    const [row] = (await asOwner(t, `SELECT storage, storage_key, data FROM attachments WHERE id = $1`, [
      uploaded.body.id,
    ])) as { storage: string; storage_key: string; data: Buffer | null }[];
    expect(row).toEqual({ storage: 's3', storage_key: `files/${uploaded.body.id}`, data: null });
    const download = await t.http
      .get(`/api/attachments/${uploaded.body.id}/content`)
      .set(await client.auth('agent'))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(Buffer.compare(download.body as Buffer, PNG_BYTES)).toBe(0);
  });
});
