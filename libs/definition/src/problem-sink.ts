import { PROBLEM_CODES, type ProblemCode } from './problem-codes.js';
import type { Problem, Severity } from './problem.types.js';

export interface ProblemPlace {
  nodeId?: string;
  edgeId?: string;
  field?: string;
  path?: string;
  /** The specific values a translated text needs (counts, field and outcome names). */
  params?: Record<string, string | number>;
}

/**
 * Collects problems for one validation run. Internal: checks push into it so that
 * every problem carries its catalogue severity unless a check says otherwise.
 */
export class ProblemSink {
  readonly problems: Problem[] = [];

  add(code: ProblemCode, message: string, place: ProblemPlace = {}, severity?: Severity): void {
    const problem: Problem = { code, severity: severity ?? PROBLEM_CODES[code].severity, message };
    if (place.nodeId !== undefined) problem.nodeId = place.nodeId;
    if (place.edgeId !== undefined) problem.edgeId = place.edgeId;
    if (place.field !== undefined) problem.field = place.field;
    if (place.path !== undefined) problem.path = place.path;
    if (place.params !== undefined) problem.params = place.params;
    this.problems.push(problem);
  }
}

/** Quotes a user-supplied value for a message, shortened so a hostile value cannot flood it. */
export function quote(value: unknown): string {
  let text: string;
  if (typeof value === 'string') text = `"${value}"`;
  else if (typeof value === 'number' || typeof value === 'boolean' || value === null) text = String(value);
  else if (Array.isArray(value)) text = 'a list';
  else if (typeof value === 'object') text = 'an object';
  else text = typeof value;
  return text.length > 60 ? `${text.slice(0, 57)}..."` : text;
}

/** Describes a JSON value's kind in plain words ("a number", "a list"). */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'number') return Number.isFinite(value) ? 'a number' : 'a non-finite number';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'boolean') return 'true/false';
  return typeof value;
}
