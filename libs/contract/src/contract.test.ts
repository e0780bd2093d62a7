import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import * as contract from './index.js';
import { ErrorBodySchema, TaskSchema, TicketSchema } from './index.js';

// Checked as the API's tests check answers (apps/api/test/contract-check.ts).
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
const valid = (schema: object, value: unknown) => ajv.validate(schema, value);

const schemas = (Object.entries(contract) as [string, unknown][]).filter(
  (entry): entry is [string, object] => entry[0].endsWith('Schema') && typeof entry[1] === 'object',
);

/** Every object schema under `schema` that names its properties, with where it is. */
function objectsIn(schema: unknown, at: string): { at: string; schema: Record<string, unknown> }[] {
  if (Array.isArray(schema)) return schema.flatMap((item, index) => objectsIn(item, `${at}[${index}]`));
  if (schema === null || typeof schema !== 'object') return [];
  const node = schema as Record<string, unknown>;
  const own = node.type === 'object' && node.properties ? [{ at, schema: node }] : [];
  return [
    ...own,
    ...Object.entries(node).flatMap(([key, value]) =>
      key === 'properties' || typeof value === 'object' ? objectsIn(value, `${at}.${key}`) : [],
    ),
  ];
}

const ticket = {
  id: '5b0c4c8e-3f1e-4c55-9d43-6f3c0e0a9b11',
  number: 1042,
  title: 'Refund for order 1042',
  fields: { refundAmount: 6200 },
  priority: 'normal',
  channel: 'web',
  status: 'active',
  activeNodes: ['finance-approval'],
  workflow: { key: 'refund-approval', version: 1 },
  requester: { id: '9f1d2a8e-6f0b-4a5e-8d7c-1b2a3c4d5e6f', username: 'requester' },
  createdAt: '2026-12-06T06:42:56.198Z',
  updatedAt: '2026-12-06T06:42:56.198Z',
  tags: [],
};

describe('the API contract', () => {
  it('exports a schema for every answer and request it declares', () => {
    expect(schemas.length).toBeGreaterThan(60);
  });

  it('closes every object it describes, so an answer with an unnamed field breaks it', () => {
    const open = schemas.flatMap(([name, schema]) =>
      objectsIn(schema, name).filter(({ schema: object }) => object.additionalProperties !== false),
    );
    expect(open.map(({ at }) => at)).toEqual([]);
  });

  it('takes a ticket as the API sends it', () => {
    expect(valid(TicketSchema, ticket)).toBe(true);
  });

  it('refuses a ticket with a field it does not name', () => {
    expect(valid(TicketSchema, { ...ticket, passwordHash: 'x' })).toBe(false);
  });

  it('refuses a ticket whose priority is not one of the four', () => {
    expect(valid(TicketSchema, { ...ticket, priority: 'critical' })).toBe(false);
  });

  it('takes a task without the optional parts of a step (due date, form, requester)', () => {
    const task = {
      id: '5b0c4c8e-3f1e-4c55-9d43-6f3c0e0a9b12',
      ticketId: ticket.id,
      ticketTitle: ticket.title,
      ticketNumber: 1042,
      workflowKey: 'refund-approval',
      priority: 'high',
      nodeId: 'review',
      kind: 'task',
      name: 'Review',
      status: 'open',
      outcomes: ['completed'],
      createdAt: '2026-12-06T06:42:56.198Z',
    };
    expect(valid(TaskSchema, task)).toBe(true);
  });

  it('takes the error body with and without details, and nothing else as an error', () => {
    const error = {
      statusCode: 409,
      code: 'draft-conflict',
      message: 'Someone saved meanwhile.',
      requestId: 'r1',
    };
    expect(valid(ErrorBodySchema, error)).toBe(true);
    expect(valid(ErrorBodySchema, { ...error, details: { revision: 3 } })).toBe(true);
    expect(valid(ErrorBodySchema, { ...error, code: 'Draft Conflict' })).toBe(false);
    expect(valid(ErrorBodySchema, { error: 'Not Found', statusCode: 404 })).toBe(false);
  });
});
