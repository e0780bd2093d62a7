/**
 * Thrown when a definition cannot be turned into a machine at all (a
 * structurally impossible graph). Validation should have caught it first.
 */
export class CompileError extends Error {
  override readonly name = 'CompileError';
  constructor(
    message: string,
    readonly nodeId?: string,
  ) {
    super(message);
  }
}
