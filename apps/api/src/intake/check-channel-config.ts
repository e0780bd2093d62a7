import { checkExtractor } from './extract-text.js';
import { parseJsonPath } from './json-path.js';

const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
export const MAX_MAPPINGS = 50;

/**
 * Checks a channel's field mappings as an admin sent them: each maps one
 * field by exactly one of `path`, `from` + `extract`, or `value`; paths parse;
 * extractors are known. Returns messages; empty when fine. Pure.
 */
export function checkFieldMappings(mappings: unknown): string[] {
  if (!Array.isArray(mappings)) return ['fieldMappings must be a list'];
  if (mappings.length > MAX_MAPPINGS) return [`at most ${MAX_MAPPINGS} field mappings`];
  const problems: string[] = [];
  const seen = new Set<string>();
  mappings.forEach((mapping: unknown, index) => {
    const at = `fieldMappings[${index}]`;
    if (typeof mapping !== 'object' || mapping === null || Array.isArray(mapping))
      return void problems.push(`${at} must be an object`);
    const m = mapping as Record<string, unknown>;
    if (typeof m.field !== 'string' || !FIELD_NAME.test(m.field))
      problems.push(`${at}.field must be a field name`);
    else if (seen.has(m.field)) problems.push(`${at}: field "${m.field}" is mapped twice`);
    else seen.add(m.field);
    const kinds = ['path' in m, 'extract' in m || 'from' in m, 'value' in m].filter(Boolean).length;
    if (kinds !== 1)
      return void problems.push(`${at} needs exactly one of "path", "from" + "extract", or "value"`);
    const unknown = Object.keys(m).filter(
      (key) => !['field', 'path', 'from', 'extract', 'value'].includes(key),
    );
    if (unknown.length > 0) problems.push(`${at}: unknown properties ${unknown.join(', ')}`);
    if ('path' in m) {
      const parsed = typeof m.path === 'string' ? parseJsonPath(m.path) : { error: 'path must be text' };
      if ('error' in parsed) problems.push(`${at}.path: ${parsed.error}`);
    } else if ('value' in m) {
      if (!['string', 'number', 'boolean'].includes(typeof m.value))
        problems.push(`${at}.value must be text, a number or true/false`);
    } else {
      const parsed =
        typeof m.from === 'string'
          ? parseJsonPath(m.from)
          : { error: '"from" must be the path of a text property' };
      if ('error' in parsed) problems.push(`${at}.from: ${parsed.error}`);
      const error =
        typeof m.extract === 'string' ? checkExtractor(m.extract) : '"extract" must name an extractor';
      if (error) problems.push(`${at}.extract: ${error}`);
    }
  });
  return problems;
}
