import { kindOfStatus, type ErrorKind, type KindedError } from '@ticketflow/definition';

/**
 * Errors the API's services throw (docs/decisions/0008-errors-by-kind.md). Each carries its
 * status where it is created, and its kind follows from it: 4xx a user error (the request is
 * wrong, not alarming), 503 an operational error (a dependency unavailable, retryable), other
 * 5xx unexpected (a bug, logged). The one exception filter turns any such error into HTTP —
 * these and the libs' own (`RuntimeError`, `CompileError`) alike.
 */
export class DomainError extends Error implements KindedError {
  readonly kind: ErrorKind;
  constructor(
    readonly status: number,
    /** Stable, kebab-case, for clients: `task-already-decided`. */
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
    this.kind = kindOfStatus(status);
  }
}

/** Re-throws a lib's kinded error (a refused runtime event) as the API's, keeping status, code and details. */
export const fromKinded = (error: KindedError) =>
  new DomainError(error.status, error.code, error.message, error.details);

/** 400: the request is malformed or a field is invalid; `details` names the field. */
export const invalid = (code: string, message: string, details?: unknown) =>
  new DomainError(400, code, message, details);
/** 401: no valid session. */
export const unauthenticated = (message = 'Sign in first: send Authorization: Bearer <accessToken>.') =>
  new DomainError(401, 'unauthenticated', message);
/** 403: signed in, but not allowed to do this to this object. */
export const forbidden = (code: string, message: string) => new DomainError(403, code, message);
/** 404: absent, or not visible to the caller (the two are not told apart). */
export const notFound = (what: string, id: string) =>
  new DomainError(
    404,
    `${what.toLowerCase().replace(/\s+/g, '-')}-not-found`,
    `${what} "${id}" does not exist or is not visible to you.`,
  );
/** 409: the object's current state forbids the action (the answer may carry that state). */
export const conflict = (code: string, message: string, details?: unknown) =>
  new DomainError(409, code, message, details);
/** 422: well-formed, but not acceptable (a rule of the workflow or the configuration refuses it). */
export const unprocessable = (code: string, message: string, details?: unknown) =>
  new DomainError(422, code, message, details);
/** 429: wait `retryAfterSeconds` (sent as Retry-After) before trying again. */
export const tooManyRequests = (code: string, message: string, retryAfterSeconds: number) =>
  new DomainError(429, code, message, { retryAfterSeconds });
/** 503: a dependency is unavailable; the client may retry (Retry-After). Operational. */
export const unavailable = (code: string, message: string, details?: unknown) =>
  new DomainError(503, code, message, details);
/** 413: the request's body (an uploaded file) is larger than allowed. */
export const tooLarge = (code: string, message: string, details?: unknown) =>
  new DomainError(413, code, message, details);
