import type { KindedError } from '@ticketflow/definition';

/**
 * Thrown when a definition cannot be turned into a machine at all (a
 * structurally impossible graph). Validation should have caught it first, so
 * reaching it is a bug or a corrupt stored version: an unexpected error (500).
 */
export class CompileError extends Error implements KindedError {
  override readonly name = 'CompileError';
  readonly kind = 'unexpected' as const;
  readonly status = 500;
  readonly code = 'definition-not-compilable';
  constructor(
    message: string,
    readonly nodeId?: string,
  ) {
    super(message);
  }
}
