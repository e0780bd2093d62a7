const MAX_SEGMENTS = 16;
const SEGMENT = /^[A-Za-z0-9_$@-]{1,64}$/;
const FORBIDDEN = new Set(['__proto__', 'prototype', 'constructor']);

/**
 * Parses a small JSON path: dotted names with optional `[n]` indexes and an
 * optional leading `$.` (`order.items[0].sku`). Returns the segments, or an
 * error message. No wildcards, filters or expressions. Pure.
 */
export function parseJsonPath(path: string): { segments: (string | number)[] } | { error: string } {
  const body = path.startsWith('$.') ? path.slice(2) : path === '$' ? '' : path;
  if (body === '' || path.length > 256)
    return { error: `"${path.slice(0, 60)}" is not a path such as order.number or items[0].sku` };
  const segments: (string | number)[] = [];
  for (const part of body.split('.')) {
    const match = /^([^[\]]+)((?:\[\d{1,4}\])*)$/.exec(part);
    if (!match || !SEGMENT.test(match[1] as string) || FORBIDDEN.has(match[1] as string)) {
      return {
        error: `"${path.slice(0, 60)}": "${part.slice(0, 40)}" is not a name (letters, digits, _ $ @ -) with optional [n] indexes`,
      };
    }
    segments.push(match[1] as string);
    for (const index of (match[2] ?? '').matchAll(/\[(\d+)\]/g)) segments.push(Number(index[1]));
  }
  if (segments.length > MAX_SEGMENTS)
    return { error: `"${path.slice(0, 60)}" is deeper than ${MAX_SEGMENTS} steps` };
  return { segments };
}

/** The value at a parsed path, or undefined when any step is missing. Pure. */
export function readJsonPath(payload: unknown, segments: (string | number)[]): unknown {
  let current: unknown = payload;
  for (const segment of segments) {
    if (typeof segment === 'number') {
      if (!Array.isArray(current)) return undefined;
      current = current[segment];
    } else {
      if (
        typeof current !== 'object' ||
        current === null ||
        Array.isArray(current) ||
        !Object.hasOwn(current, segment)
      )
        return undefined;
      current = (current as Record<string, unknown>)[segment];
    }
  }
  return current;
}
