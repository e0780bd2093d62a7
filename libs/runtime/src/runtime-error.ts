/**
 * Why an event was refused. The API maps these to HTTP: `instance-not-active`,
 * `task-not-open`, `timer-not-active`, `message-not-awaited`,
 * `action-not-pending`, `already-decided` and `not-in-incident` are conflicts with the current
 * state (409); `invalid-outcome`, `wrong-task-kind` and
 * `requester-not-allowed` are bad requests (422 / 403).
 */
export type RuntimeErrorCode =
  | 'instance-not-active'
  | 'task-not-open'
  | 'timer-not-active'
  | 'message-not-awaited'
  | 'action-not-pending'
  | 'already-decided'
  | 'invalid-outcome'
  | 'wrong-task-kind'
  | 'requester-not-allowed'
  | 'not-in-group'
  | 'invalid-snapshot'
  | 'not-in-incident';

/** A refused event: nothing changed; the caller answers with the code. */
export class RuntimeError extends Error {
  override readonly name = 'RuntimeError';
  constructor(
    readonly code: RuntimeErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}
