import type { FieldDefinition } from '@ticketflow/definition';
import { extractFromText } from './extract-text.js';
import type { FieldMapping } from './intake-channels.js';
import { parseJsonPath, readJsonPath } from './json-path.js';

export interface MappingProblem {
  field: string;
  message: string;
}

/**
 * Reads each mapped field from a payload: a JSON path, an extractor over a
 * text property, or a constant. Fields whose source is missing are left out
 * (the workflow's required-field check names them). Pure.
 */
export function readMappedFields(payload: unknown, mappings: FieldMapping[]): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const mapping of mappings) {
    const value = readOne(payload, mapping);
    if (value !== undefined && value !== null && value !== '') fields[mapping.field] = value;
  }
  return fields;
}

function readOne(payload: unknown, mapping: FieldMapping): unknown {
  if ('value' in mapping) return mapping.value;
  const parsed = parseJsonPath('path' in mapping ? mapping.path : mapping.from);
  if ('error' in parsed) return undefined;
  const raw = readJsonPath(payload, parsed.segments);
  if ('path' in mapping) return raw;
  return typeof raw === 'string' ? extractFromText(mapping.extract, raw) : undefined;
}

/**
 * Converts mapped values to the workflow's field types: numbers from text
 * (`6,200.50`), booleans from true/false/yes/no/是/否, enum options matched
 * case-insensitively, text from numbers. Fields the workflow does not declare
 * are dropped. Returns the typed fields and what could not be converted. Pure.
 */
export function coerceToFields(
  values: Record<string, unknown>,
  definitions: FieldDefinition[],
): { fields: Record<string, unknown>; problems: MappingProblem[] } {
  const fields: Record<string, unknown> = {};
  const problems: MappingProblem[] = [];
  for (const definition of definitions) {
    if (!Object.hasOwn(values, definition.name)) continue;
    const value = coerce(values[definition.name], definition);
    if (value === undefined) {
      problems.push({
        field: definition.name,
        message: `${definition.name}: ${JSON.stringify(values[definition.name])?.slice(0, 60)} is not a ${definition.type}${definition.options ? ` (one of ${definition.options.join(', ')})` : ''}`,
      });
    } else fields[definition.name] = value;
  }
  return { fields, problems };
}

function coerce(value: unknown, definition: FieldDefinition): unknown {
  switch (definition.type) {
    case 'number': {
      if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
      if (typeof value !== 'string') return undefined;
      const cleaned = value.trim().replace(/[,，\s]/g, '');
      return /^-?\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : undefined;
    }
    case 'boolean': {
      if (typeof value === 'boolean') return value;
      const text = String(value).trim().toLowerCase();
      if (['true', 'yes', '1', '是'].includes(text)) return true;
      if (['false', 'no', '0', '否'].includes(text)) return false;
      return undefined;
    }
    case 'enum': {
      const text = String(value).trim().toLowerCase();
      return definition.options?.find((option) => option.toLowerCase() === text);
    }
    case 'date':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? value : undefined;
    default:
      return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : undefined;
  }
}

/**
 * Fills a title template: `{{fields.name}}` from the mapped fields,
 * `{{channel}}`, and any other `{{path}}` as a JSON path into the payload.
 * Missing values become empty; the result is trimmed to 200 characters, and
 * an empty title becomes "<channel> message". Pure.
 */
export function renderTitle(
  template: string,
  context: { payload: unknown; fields: Record<string, unknown>; channel: string },
): string {
  let out = '';
  let at = 0;
  while (at < template.length) {
    const open = template.indexOf('{{', at);
    const close = open < 0 ? -1 : template.indexOf('}}', open + 2);
    if (open < 0 || close < 0) {
      out += template.slice(at);
      break;
    }
    out += template.slice(at, open) + placeholder(template.slice(open + 2, close).trim(), context);
    at = close + 2;
  }
  const title = out.replace(/\s+/g, ' ').trim().slice(0, 200);
  return title === '' ? `${context.channel} message` : title;
}

function placeholder(
  name: string,
  context: { payload: unknown; fields: Record<string, unknown>; channel: string },
): string {
  if (name === 'channel') return context.channel;
  const value = name.startsWith('fields.')
    ? context.fields[name.slice('fields.'.length)]
    : (() => {
        const parsed = parseJsonPath(name);
        return 'error' in parsed ? undefined : readJsonPath(context.payload, parsed.segments);
      })();
  return value === undefined || value === null || typeof value === 'object'
    ? ''
    : String(value).slice(0, 200);
}
