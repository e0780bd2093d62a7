/**
 * The three kinds of error (docs/decisions/0008-errors-by-kind.md). `user`: the request is
 * wrong or not allowed in the current state (4xx, not alarming). `operational`: a dependency is
 * unavailable (503, worth retrying). `unexpected`: a bug or corrupt data (500, logged).
 */
export type ErrorKind = 'user' | 'operational' | 'unexpected';

/**
 * What an error carries so the API's one exception filter can answer it with no list of codes:
 * its kind, the HTTP status that kind calls for, and a stable kebab-case code.
 */
export interface KindedError extends Error {
  readonly kind: ErrorKind;
  readonly status: number;
  readonly code: string;
  readonly details?: unknown;
}

const KINDS: readonly string[] = ['user', 'operational', 'unexpected'];

/** True for an error that says its kind, status and code (any lib's or the API's). Pure. */
export function isKindedError(error: unknown): error is KindedError {
  if (!(error instanceof Error)) return false;
  const { kind, status, code } = error as Partial<KindedError>;
  return (
    typeof kind === 'string' &&
    KINDS.includes(kind) &&
    Number.isInteger(status) &&
    (status as number) >= 400 &&
    (status as number) <= 599 &&
    typeof code === 'string'
  );
}

/** The kind an HTTP status stands for: 4xx user, 503 operational, any other 5xx unexpected. Pure. */
export function kindOfStatus(status: number): ErrorKind {
  if (status < 500) return 'user';
  return status === 503 ? 'operational' : 'unexpected';
}
