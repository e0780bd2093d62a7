import type { ErrorKind, KindedError } from '@ticketflow/definition';

/**
 * Why an event was refused, with the kind and HTTP status each reason calls for
 * (docs/decisions/0008-errors-by-kind.md). Declared once, here: the API answers a RuntimeError
 * with its own status, so adding a code means choosing its kind in this table.
 */
export const RUNTIME_ERRORS = {
  // The ticket is not in a state for this event: a conflict with the current state.
  'instance-not-active': { kind: 'user', status: 409 },
  'task-not-open': { kind: 'user', status: 409 },
  'timer-not-active': { kind: 'user', status: 409 },
  'message-not-awaited': { kind: 'user', status: 409 },
  'action-not-pending': { kind: 'user', status: 409 },
  'already-decided': { kind: 'user', status: 409 },
  'not-in-incident': { kind: 'user', status: 409 },
  'subflow-not-active': { kind: 'user', status: 409 },
  // The event itself is wrong for this step.
  'invalid-outcome': { kind: 'user', status: 422 },
  'wrong-task-kind': { kind: 'user', status: 422 },
  // The requester may not decide their own approval (separation of duties).
  'requester-not-allowed': { kind: 'user', status: 403 },
  // A composite (groups) approval: the voter holds none of the groups' roles.
  'not-in-group': { kind: 'user', status: 403 },
  // The stored snapshot cannot be read: corrupt data, not the caller's doing.
  'invalid-snapshot': { kind: 'unexpected', status: 500 },
} as const satisfies Record<string, { kind: ErrorKind; status: number }>;

export type RuntimeErrorCode = keyof typeof RUNTIME_ERRORS;

/** A refused event: nothing changed. Carries its kind and status, so callers need no mapping. */
export class RuntimeError extends Error implements KindedError {
  override readonly name = 'RuntimeError';
  readonly kind: ErrorKind;
  readonly status: number;
  constructor(
    readonly code: RuntimeErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.kind = RUNTIME_ERRORS[code].kind;
    this.status = RUNTIME_ERRORS[code].status;
  }
}
