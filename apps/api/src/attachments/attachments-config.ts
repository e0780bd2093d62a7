import { ConfigError, optional, parseInteger } from '../config/env-values.js';

/** Where attachment bytes are kept: in PostgreSQL (default) or an S3-compatible bucket. */
export type AttachmentStoreConfig =
  | { kind: 'database' }
  | {
      kind: 's3';
      bucket: string;
      /** Absent: AWS itself; set for MinIO, Ceph, R2 and the like. */
      endpoint?: string;
      region: string;
      /** Path-style URLs (`endpoint/bucket/key`), which most S3-compatible servers need. */
      forcePathStyle: boolean;
      /** Key prefix inside the bucket, e.g. `ticketflow/`. */
      prefix: string;
      /** Absent: the SDK's default chain (environment, instance role). */
      credentials?: { accessKeyId: string; secretAccessKey: string };
    };

/** A virus scanner every file passes before it is stored: none, or clamd over TCP. */
export type VirusScanConfig =
  { kind: 'none' } | { kind: 'clamd'; host: string; port: number; timeoutMs: number };

export interface AttachmentsConfig {
  /** The largest file accepted, in bytes (`ATTACHMENT_MAX_BYTES`). */
  maxBytes: number;
  /** Content types accepted, as detected from the bytes (`ATTACHMENT_TYPES`, comma-separated). */
  allowedTypes: string[];
  store: AttachmentStoreConfig;
  scan: VirusScanConfig;
  /** A CJK font file for generated documents (`DOCUMENT_FONT`); default: Noto Sans CJK where installed. */
  documentFont?: string;
}

export const DEFAULT_ATTACHMENT_TYPES = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/heic',
  'application/pdf',
  'text/plain',
  'text/csv',
  'application/zip',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

/**
 * Reads the attachment settings from `env`. Pure apart from reading the
 * argument; throws ConfigError naming the first bad variable.
 */
export function loadAttachmentsConfig(env: NodeJS.ProcessEnv): AttachmentsConfig {
  const types = optional(env, 'ATTACHMENT_TYPES');
  const allowedTypes = types
    ? types
        .split(',')
        .map((type) => type.trim().toLowerCase())
        .filter((type) => type !== '')
    : DEFAULT_ATTACHMENT_TYPES;
  const bad = allowedTypes.find((type) => !/^[a-z0-9.+-]+\/[a-z0-9.+-]+$/.test(type));
  if (bad !== undefined)
    throw new ConfigError('ATTACHMENT_TYPES', `"${bad}" is not a content type such as image/png`);
  const documentFont = optional(env, 'DOCUMENT_FONT');
  return {
    maxBytes: parseInteger(env, 'ATTACHMENT_MAX_BYTES', 10 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    allowedTypes,
    store: loadStore(env),
    scan: loadScan(env),
    ...(documentFont ? { documentFont } : {}),
  };
}

function loadStore(env: NodeJS.ProcessEnv): AttachmentStoreConfig {
  const kind = optional(env, 'ATTACHMENT_STORE') ?? 'database';
  if (kind === 'database') return { kind };
  if (kind !== 's3') throw new ConfigError('ATTACHMENT_STORE', `"${kind}" is not database or s3`);
  const bucket = optional(env, 'S3_BUCKET');
  if (!bucket || !/^[a-z0-9][a-z0-9.-]{1,62}$/.test(bucket))
    throw new ConfigError(
      'S3_BUCKET',
      'is required with ATTACHMENT_STORE=s3 (a bucket name such as tickets)',
    );
  const endpoint = optional(env, 'S3_ENDPOINT');
  if (endpoint !== undefined && !/^https?:\/\/[^\s/]+/.test(endpoint))
    throw new ConfigError('S3_ENDPOINT', `"${endpoint}" is not an http:// or https:// address`);
  const accessKeyId = optional(env, 'S3_ACCESS_KEY_ID');
  const secretAccessKey = optional(env, 'S3_SECRET_ACCESS_KEY');
  if ((accessKeyId === undefined) !== (secretAccessKey === undefined))
    throw new ConfigError('S3_SECRET_ACCESS_KEY', 'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together');
  return {
    kind,
    bucket,
    ...(endpoint ? { endpoint } : {}),
    region: optional(env, 'S3_REGION') ?? 'us-east-1',
    forcePathStyle: (optional(env, 'S3_FORCE_PATH_STYLE') ?? (endpoint ? 'true' : 'false')) === 'true',
    prefix: optional(env, 'S3_PREFIX') ?? '',
    ...(accessKeyId && secretAccessKey ? { credentials: { accessKeyId, secretAccessKey } } : {}),
  };
}

function loadScan(env: NodeJS.ProcessEnv): VirusScanConfig {
  const target = optional(env, 'CLAMD_ADDRESS');
  if (target === undefined) return { kind: 'none' };
  const match = /^([^\s:]+|\[[0-9a-fA-F:]+\]):(\d{1,5})$/.exec(target);
  if (!match)
    throw new ConfigError(
      'CLAMD_ADDRESS',
      `"${target}" is not host:port (clamd's TCPSocket, e.g. clamav:3310)`,
    );
  return {
    kind: 'clamd',
    host: match[1]!.replace(/^\[|\]$/g, ''),
    port: Number(match[2]),
    timeoutMs: parseInteger(env, 'CLAMD_TIMEOUT_MS', 30_000, 100, 600_000),
  };
}
