/**
 * Errors the services throw. The kind says who must act (STYLE.md rule 5):
 * `user` — the request is wrong (4xx, not alarming); `operational` — a
 * dependency is unavailable (retryable, 503); anything else is a bug (500).
 * HTTP exists only in the exception filter.
 */
export type DomainErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'unprocessable'
  | 'too-large'
  | 'too-many-requests'
  | 'operational';

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    /** Stable, kebab-case, for clients: `task-already-decided`. */
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const invalid = (code: string, message: string, details?: unknown) =>
  new DomainError('invalid', code, message, details);
export const unauthenticated = (message = 'Sign in first: send Authorization: Bearer <accessToken>.') =>
  new DomainError('unauthenticated', 'unauthenticated', message);
export const forbidden = (code: string, message: string) => new DomainError('forbidden', code, message);
export const notFound = (what: string, id: string) =>
  new DomainError(
    'not-found',
    `${what.toLowerCase().replace(/\s+/g, '-')}-not-found`,
    `${what} "${id}" does not exist or is not visible to you.`,
  );
export const conflict = (code: string, message: string, details?: unknown) =>
  new DomainError('conflict', code, message, details);
export const unprocessable = (code: string, message: string, details?: unknown) =>
  new DomainError('unprocessable', code, message, details);
export const tooLarge = (code: string, message: string) => new DomainError('too-large', code, message);
