import type { FieldDefinition, ResolvedFormEntry } from '@ticketflow/definition';
import { invalid } from '../common/errors/domain-error.js';
import { assertFieldValues } from '../tickets/field-values.js';

/** A form entry as stored on a task row: rows written before step forms have no `mode` (they meant "edit"). */
export interface StoredFormEntry {
  field: string;
  mode?: 'read' | 'edit';
  required?: boolean;
  note?: string;
}

/**
 * The form of a task row with defaults applied: entries without a mode are
 * edits (the older task list); a row without a form (written before step
 * forms) shows every workflow field and edits none. Pure.
 */
export function storedForm(
  form: StoredFormEntry[] | null,
  fields: readonly FieldDefinition[],
): ResolvedFormEntry[] {
  if (form === null) return fields.map((field) => ({ field: field.name, mode: 'read', required: false }));
  return form.map((entry) => {
    const mode = entry.mode ?? 'edit';
    return {
      field: entry.field,
      mode,
      required: mode === 'edit' && entry.required === true,
      ...(entry.note ? { note: entry.note } : {}),
    };
  });
}

/** The values of the fields a step shows, keyed by name (fields without a value are left out). Pure. */
export function visibleValues(
  form: readonly { field: string }[],
  values: Record<string, unknown>,
): Record<string, unknown> {
  const shown: Record<string, unknown> = {};
  for (const entry of form)
    if (values[entry.field] !== undefined && values[entry.field] !== null)
      shown[entry.field] = values[entry.field];
  return shown;
}

const isEmpty = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/**
 * Checks the field values sent with a decision against the step's form, before
 * anything is written: a field the step may not edit is `field-not-editable`,
 * a required editable field left or made empty is `field-required` (checked
 * only when `requireFilled`, i.e. not for a rejection), a value of the wrong
 * type is `invalid-fields`. Every error names the field. Pure; throws 400s.
 */
export function checkStepFields(
  form: ResolvedFormEntry[],
  definitions: readonly FieldDefinition[],
  sent: Record<string, unknown>,
  current: Record<string, unknown>,
  options: { requireFilled: boolean },
): void {
  const editable = form.filter((entry) => entry.mode === 'edit');
  const names = new Set(editable.map((entry) => entry.field));
  const outside = Object.keys(sent).filter((name) => !names.has(name));
  if (outside.length > 0) {
    const allowed = [...names].join(', ') || 'none';
    throw invalid(
      'field-not-editable',
      `fields.${outside[0]} may not be changed at this step (it may change: ${allowed}).`,
      outside.map((field) => ({
        field,
        code: 'not-editable',
        message: `fields.${field} is not editable at this step`,
      })),
    );
  }
  const cleared = editable.filter(
    (entry) => entry.required && Object.hasOwn(sent, entry.field) && isEmpty(sent[entry.field]),
  );
  const missing = options.requireFilled
    ? editable.filter(
        (entry) => entry.required && !Object.hasOwn(sent, entry.field) && isEmpty(current[entry.field]),
      )
    : [];
  const empty = [...cleared, ...missing];
  if (empty.length > 0) {
    throw invalid(
      'field-required',
      `fields.${empty[0]?.field} is required at this step and cannot be empty.`,
      empty.map((entry) => ({
        field: entry.field,
        code: 'required',
        message: `fields.${entry.field} is required`,
      })),
    );
  }
  assertFieldValues([...definitions], sent, { partial: true });
}
