import { AsyncLocalStorage } from 'node:async_hooks';

/** A client's `Idempotency-Key` for the current request. */
export interface IdempotencyContext {
  userId: string;
  key: string;
  method: string;
  path: string;
  statusCode: number;
  /** SHA-256 of method, path and the body in canonical key order: a key reused for another request is refused. */
  requestHash: string;
}

export interface RequestContext {
  idempotency?: IdempotencyContext;
}

/** Per-request values that services read without threading them through every call. */
export const requestContext = new AsyncLocalStorage<RequestContext>();
