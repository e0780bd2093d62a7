/** Error blocks publishing; warning does not. */
export type Severity = 'error' | 'warning';

/** One thing wrong (or suspicious) in a definition, in words a process owner understands. */
export interface Problem {
  /** Stable kebab-case code from `PROBLEM_CODES`; clients may switch on it. */
  code: string;
  severity: Severity;
  message: string;
  nodeId?: string;
  edgeId?: string;
  /** The property concerned, e.g. `timeout.after` or `condition`. */
  field?: string;
  /** JSON Pointer into the definition, e.g. `/nodes/3/timeout/after`. */
  path?: string;
  /**
   * The values the message names (`{ count: 3, available: 2 }`, `{ field: 'refundAmount' }`),
   * so a client can say the same in another language.
   */
  params?: Record<string, string | number>;
}

export interface ValidationResult {
  /** True when no problem has severity `error`. */
  valid: boolean;
  problems: Problem[];
}
