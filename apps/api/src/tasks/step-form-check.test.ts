import { describe, expect, it } from 'vitest';
import type { FieldDefinition, ResolvedFormEntry } from '@ticketflow/definition';
import { checkStepFields, storedForm, visibleValues } from './step-form-check.js';

const fields: FieldDefinition[] = [
  { name: 'refundAmount', type: 'number', required: true },
  { name: 'note', type: 'text' },
];
const form: ResolvedFormEntry[] = [
  { field: 'refundAmount', mode: 'read', required: false },
  { field: 'note', mode: 'edit', required: true },
];
const check =
  (
    sent: Record<string, unknown>,
    current: Record<string, unknown> = { refundAmount: 12000 },
    requireFilled = true,
  ) =>
  () =>
    checkStepFields(form, fields, sent, current, { requireFilled });
const codeOf = (run: () => void) => {
  try {
    run();
    return null;
  } catch (error) {
    return { code: (error as { code: string }).code, message: (error as Error).message };
  }
};

describe('checkStepFields', () => {
  it('refuses a field the step only shows, naming it', () => {
    expect(codeOf(check({ refundAmount: 100, note: 'x' }))).toEqual({
      code: 'field-not-editable',
      message: expect.stringContaining('fields.refundAmount'),
    });
  });

  it('refuses clearing a required editable field with null or blanks', () => {
    expect(codeOf(check({ note: null }))?.code).toBe('field-required');
    expect(codeOf(check({ note: '  ' }))?.code).toBe('field-required');
  });

  it('refuses completing while a required field is still empty, but not a rejection', () => {
    expect(codeOf(check({}))?.code).toBe('field-required');
    expect(codeOf(check({}, { refundAmount: 1 }, false))).toBeNull();
  });

  it('refuses a value of the wrong type', () => {
    const typed: ResolvedFormEntry[] = [{ field: 'refundAmount', mode: 'edit', required: false }];
    expect(
      codeOf(() => checkStepFields(typed, fields, { refundAmount: 'lots' }, {}, { requireFilled: true }))
        ?.code,
    ).toBe('invalid-fields');
  });

  it('accepts the editable fields', () => {
    expect(codeOf(check({ note: 'checked the receipt' }))).toBeNull();
  });
});

describe('storedForm', () => {
  it('reads rows without a form as every field read-only', () => {
    expect(storedForm(null, fields).every((entry) => entry.mode === 'read')).toBe(true);
  });

  it('reads entries without a mode as edits', () => {
    expect(storedForm([{ field: 'note', required: true }], fields)).toEqual([
      { field: 'note', mode: 'edit', required: true },
    ]);
  });
});

describe('visibleValues', () => {
  it('keeps only the values of the fields the step shows', () => {
    expect(visibleValues(form.slice(0, 1), { refundAmount: 12000, secret: 'x' })).toEqual({
      refundAmount: 12000,
    });
  });
});
