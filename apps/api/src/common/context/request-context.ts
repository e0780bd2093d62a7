import { AsyncLocalStorage } from 'node:async_hooks';

/** A client's `Idempotency-Key` for the current request. */
export interface IdempotencyContext {
  userId: string;
  key: string;
  method: string;
  path: string;
  statusCode: number;
}

export interface RequestContext {
  idempotency?: IdempotencyContext;
}

/** Per-request values that services read without threading them through every call. */
export const requestContext = new AsyncLocalStorage<RequestContext>();
