import type { ProblemSink } from './problem-sink.js';

/** Bounds on a definition; bigger ones are rejected before any other check runs. */
export const DEFINITION_LIMITS = {
  maxNodes: 2_000,
  maxEdges: 5_000,
  /** Approximate size of the definition as UTF-8 JSON. */
  maxBytes: 2 * 1024 * 1024,
  /** Nesting depth of objects and lists (a condition tree counts two levels per `all`). */
  maxDepth: 64,
} as const;

function ownArrayLength(input: object, key: string): number {
  if (!Object.hasOwn(input, key)) return 0;
  const value = (input as Record<string, unknown>)[key];
  return Array.isArray(value) ? value.length : 0;
}

function utf8Length(text: string): number {
  let bytes = text.length + 2;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code > 0x7f) bytes += code > 0x7ff ? 2 : 1;
  }
  return bytes;
}

type SizeVerdict = { kind: 'ok' } | { kind: 'bytes' } | { kind: 'depth' };

/**
 * Walks the value without recursion, stopping as soon as the byte budget or the depth is
 * exceeded, so a hostile input costs at most about `maxBytes` steps. A value that refers to
 * itself never ends, so it shows up as too deep.
 */
function measure(input: unknown): SizeVerdict {
  const stack: { value: unknown; depth: number }[] = [{ value: input, depth: 0 }];
  let bytes = 0;
  while (stack.length > 0) {
    const { value, depth } = stack.pop() as { value: unknown; depth: number };
    if (typeof value === 'string') bytes += utf8Length(value);
    else if (typeof value !== 'object' || value === null) bytes += 6;
    else {
      if (depth >= DEFINITION_LIMITS.maxDepth) return { kind: 'depth' };
      bytes += 2;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length && bytes <= DEFINITION_LIMITS.maxBytes; i += 1) {
          bytes += 1;
          stack.push({ value: value[i], depth: depth + 1 });
        }
      } else {
        for (const key of Object.keys(value)) {
          bytes += utf8Length(key) + 2;
          stack.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1 });
          if (bytes > DEFINITION_LIMITS.maxBytes) break;
        }
      }
    }
    if (bytes > DEFINITION_LIMITS.maxBytes) return { kind: 'bytes' };
  }
  return { kind: 'ok' };
}

/**
 * Reports `too-large` when the definition has too many nodes or edges, is too big as JSON
 * or nested too deep. Counts are checked first (constant time), then a bounded walk.
 * Returns true when it reported something: the caller must then stop. Pure apart from
 * pushing into `sink`.
 */
export function checkSize(input: unknown, sink: ProblemSink): boolean {
  if (typeof input !== 'object' || input === null) return false;
  const before = sink.problems.length;
  const nodes = ownArrayLength(input, 'nodes');
  const edges = ownArrayLength(input, 'edges');
  if (nodes > DEFINITION_LIMITS.maxNodes) {
    sink.add(
      'too-large',
      `The workflow has ${nodes} nodes; at most ${DEFINITION_LIMITS.maxNodes} are allowed. Split it into smaller workflows.`,
      { path: '/nodes' },
    );
  }
  if (edges > DEFINITION_LIMITS.maxEdges) {
    sink.add(
      'too-large',
      `The workflow has ${edges} edges; at most ${DEFINITION_LIMITS.maxEdges} are allowed. Split it into smaller workflows.`,
      { path: '/edges' },
    );
  }
  if (sink.problems.length > before) return true;
  const verdict = measure(input);
  if (verdict.kind === 'bytes') {
    sink.add(
      'too-large',
      `The workflow is larger than ${DEFINITION_LIMITS.maxBytes / 1024 / 1024} MB as JSON. Remove unused content or split it.`,
    );
  } else if (verdict.kind === 'depth') {
    sink.add(
      'too-large',
      `The workflow is nested more than ${DEFINITION_LIMITS.maxDepth} levels deep (or refers to itself). Flatten deeply nested conditions.`,
    );
  }
  return sink.problems.length > before;
}
