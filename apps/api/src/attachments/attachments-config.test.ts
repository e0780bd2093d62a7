import { describe, expect, it } from 'vitest';
import { DEFAULT_ATTACHMENT_TYPES, loadAttachmentsConfig } from './attachments-config.js';

describe('loadAttachmentsConfig', () => {
  it('defaults to 10 MiB, the common document and image types, and PostgreSQL', () => {
    expect(loadAttachmentsConfig({})).toEqual({
      maxBytes: 10 * 1024 * 1024,
      allowedTypes: DEFAULT_ATTACHMENT_TYPES,
      store: { kind: 'database' },
      scan: { kind: 'none' },
    });
  });

  it('reads an S3-compatible store with path-style URLs when an endpoint is given', () => {
    expect(
      loadAttachmentsConfig({
        ATTACHMENT_STORE: 's3',
        S3_BUCKET: 'tickets',
        S3_ENDPOINT: 'http://minio:9000',
      }).store,
    ).toEqual({
      kind: 's3',
      bucket: 'tickets',
      endpoint: 'http://minio:9000',
      region: 'us-east-1',
      forcePathStyle: true,
      prefix: '',
    });
  });

  it('names the variable that is wrong', () => {
    expect(() => loadAttachmentsConfig({ ATTACHMENT_STORE: 'ftp' })).toThrow(/ATTACHMENT_STORE/);
    expect(() => loadAttachmentsConfig({ ATTACHMENT_STORE: 's3' })).toThrow(/S3_BUCKET/);
    expect(() =>
      loadAttachmentsConfig({ ATTACHMENT_STORE: 's3', S3_BUCKET: 'b1', S3_ACCESS_KEY_ID: 'x' }),
    ).toThrow(/S3_SECRET_ACCESS_KEY/);
    expect(() => loadAttachmentsConfig({ ATTACHMENT_MAX_BYTES: '12kb' })).toThrow(/ATTACHMENT_MAX_BYTES/);
    expect(() => loadAttachmentsConfig({ ATTACHMENT_TYPES: 'png' })).toThrow(/ATTACHMENT_TYPES/);
  });
});
