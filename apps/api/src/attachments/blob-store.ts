import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { AttachmentStoreConfig } from './attachments-config.js';

/** Where one file's bytes went: into the row (`data`) or an object in a bucket (`storageKey`). */
export interface StoredBlob {
  storage: 'database' | 's3';
  data: Buffer | null;
  storageKey: string | null;
}

/** Keeps attachment bytes. `put` runs before the row is written (outside any transaction). */
export interface BlobStore {
  put(id: string, bytes: Buffer, contentType: string): Promise<StoredBlob>;
  /** The bytes of a stored blob; the database store reads them from the row itself. */
  get(blob: { storage: string; storage_key: string | null; data: Buffer | null }): Promise<Buffer>;
}

/** The embedded default: bytes go into the attachment row (`bytea`). No side effects. */
export class DatabaseBlobStore implements BlobStore {
  async put(_id: string, bytes: Buffer): Promise<StoredBlob> {
    return { storage: 'database', data: bytes, storageKey: null };
  }

  async get(blob: { data: Buffer | null }): Promise<Buffer> {
    if (!blob.data) throw new Error('attachment row has no bytes');
    return blob.data;
  }
}

/**
 * An S3-compatible bucket through the official client. Objects are written
 * once under `<prefix><attachment id>` and never overwritten; checksums are
 * only sent where S3 requires them, which S3-compatible servers all accept.
 * Side effects: network calls.
 */
export class S3BlobStore implements BlobStore {
  private readonly client: S3Client;

  constructor(private readonly config: Extract<AttachmentStoreConfig, { kind: 's3' }>) {
    this.client = new S3Client({
      region: config.region,
      ...(config.endpoint ? { endpoint: config.endpoint } : {}),
      forcePathStyle: config.forcePathStyle,
      ...(config.credentials ? { credentials: config.credentials } : {}),
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  async put(id: string, bytes: Buffer, contentType: string): Promise<StoredBlob> {
    const key = `${this.config.prefix}${id}`;
    await this.client.send(
      new PutObjectCommand({ Bucket: this.config.bucket, Key: key, Body: bytes, ContentType: contentType }),
    );
    return { storage: 's3', data: null, storageKey: key };
  }

  async get(blob: { storage_key: string | null }): Promise<Buffer> {
    const reply = await this.client.send(
      new GetObjectCommand({ Bucket: this.config.bucket, Key: blob.storage_key ?? '' }),
    );
    if (!reply.Body) throw new Error(`object ${blob.storage_key} has no body`);
    return Buffer.from(await reply.Body.transformToByteArray());
  }
}

/** The store the configuration names. Pure apart from creating the S3 client. */
export function createBlobStore(config: AttachmentStoreConfig): BlobStore {
  return config.kind === 's3' ? new S3BlobStore(config) : new DatabaseBlobStore();
}
