import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** The header a request id arrives in and is returned in (proxies and clients may set it). */
export const REQUEST_ID_HEADER = 'x-request-id';

/** What a client may send as a request id: short, printable, no spaces or quotes (it goes into logs). */
const ACCEPTED_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

/** The id of the request being served, for log lines and error bodies written deeper in the stack. */
export const requestIds = new AsyncLocalStorage<{ requestId: string }>();

/** The client's id when it is acceptable, a new UUID otherwise. Pure apart from the random UUID. */
export function chooseRequestId(sent: string | string[] | undefined): string {
  const value = Array.isArray(sent) ? sent[0] : sent;
  return value !== undefined && ACCEPTED_ID.test(value) ? value : randomUUID();
}

/** The current request's id, if code runs inside one. */
export function currentRequestId(): string | undefined {
  return requestIds.getStore()?.requestId;
}

/**
 * Express middleware that (re-)enters the request id's context. Mounted after
 * the body parsers too: they call `next` from a stream callback, outside the
 * context the access logger entered. Side effects: none besides the context.
 */
export function bindRequestId(): (request: { id?: unknown }, response: unknown, next: () => void) => void {
  return (request, _response, next) => {
    if (request.id === undefined || request.id === null) return next();
    requestIds.run({ requestId: String(request.id) }, next);
  };
}
