import { describe, expect, it } from 'vitest';
import type { FieldDefinition } from '@ticketflow/definition';
import { readFieldValues, serverFieldErrors } from './field-form';

const fields: FieldDefinition[] = [
  { name: 'refundAmount', type: 'number', label: 'Refund amount', required: true, min: 0, max: 100000 },
  { name: 'channel', type: 'enum', options: ['phone', 'web'] },
  { name: 'orderDate', type: 'date' },
  { name: 'vip', type: 'boolean' },
  { name: 'note', type: 'text' },
];

describe("the generated form's validation", () => {
  it('reads typed values and leaves out empty optional fields', () => {
    expect(readFieldValues(fields, { refundAmount: '6,200', channel: 'web', vip: true, note: '  ' })).toEqual(
      {
        values: { refundAmount: 6200, channel: 'web', vip: true },
        errors: {},
      },
    );
  });

  it('requires required fields', () => {
    expect(readFieldValues(fields, {}).errors).toEqual({ refundAmount: { key: 'required' } });
  });

  it('rejects text in a number field and numbers out of bounds', () => {
    expect(readFieldValues(fields, { refundAmount: '12abc' }).errors.refundAmount).toEqual({ key: 'number' });
    expect(readFieldValues(fields, { refundAmount: '-5' }).errors.refundAmount).toEqual({
      key: 'min',
      params: { min: 0 },
    });
    expect(readFieldValues(fields, { refundAmount: '200000' }).errors.refundAmount).toEqual({
      key: 'max',
      params: { max: 100000 },
    });
  });

  it('rejects an unknown option and an unreadable date', () => {
    const { errors } = readFieldValues(fields, { refundAmount: '1', channel: 'fax', orderDate: 'tomorrow' });
    expect(errors.channel).toEqual({ key: 'option', params: { options: 'phone, web' } });
    expect(errors.orderDate).toEqual({ key: 'date' });
  });

  it('lets a task form require a field the workflow leaves optional', () => {
    expect(readFieldValues(fields, { refundAmount: '1' }, new Set(['note'])).errors).toEqual({
      note: { key: 'required' },
    });
  });

  it("maps the server's 400 details to fields", () => {
    expect(
      serverFieldErrors([
        { field: 'refundAmount', message: 'fields.refundAmount must be at most 5000' },
        { field: 'title', problems: ['title must be longer than or equal to 1 characters'] },
      ]),
    ).toEqual({
      refundAmount: 'fields.refundAmount must be at most 5000',
      title: 'title must be longer than or equal to 1 characters',
    });
    expect(serverFieldErrors(undefined)).toEqual({});
  });
});
