import { describe, expect, it } from 'vitest';
import type { FieldDefinition } from '@ticketflow/definition';
import { checkFieldMappings } from './check-channel-config.js';
import { parseJsonPath, readJsonPath } from './json-path.js';
import { coerceToFields, readMappedFields, renderTitle } from './map-payload.js';

const payload = {
  msg: { Content: '订单号：SO-1042 退款金额：6,200', From: 'oUser1' },
  items: [{ sku: 'A-1', qty: '2' }],
  vip: 'yes',
};

describe('readMappedFields', () => {
  it('reads JSON paths, extracts from text properties and sets constants; missing sources are left out', () => {
    expect(
      readMappedFields(payload, [
        { field: 'orderNumber', from: 'msg.Content', extract: 'order-number' },
        { field: 'refundAmount', from: '$.msg.Content', extract: 'number-after:退款金额' },
        { field: 'sku', path: 'items[0].sku' },
        { field: 'source', value: 'wechat' },
        { field: 'tracking', from: 'msg.Content', extract: 'tracking-number' },
        { field: 'missing', path: 'nothing.here' },
      ]),
    ).toEqual({ orderNumber: 'SO-1042', refundAmount: 6200, sku: 'A-1', source: 'wechat' });
  });
});

describe('coerceToFields', () => {
  const defs: FieldDefinition[] = [
    { name: 'amount', type: 'number' },
    { name: 'vip', type: 'boolean' },
    { name: 'reason', type: 'enum', options: ['damaged', 'other'] },
    { name: 'note', type: 'text' },
  ];
  it('converts text to the field types and drops undeclared fields', () => {
    expect(
      coerceToFields({ amount: '6,200.5', vip: '是', reason: 'Damaged', note: 42, extra: 'x' }, defs),
    ).toEqual({
      fields: { amount: 6200.5, vip: true, reason: 'damaged', note: '42' },
      problems: [],
    });
  });
  it('names values that do not fit', () => {
    expect(coerceToFields({ amount: 'lots', reason: 'lost' }, defs).problems.map((p) => p.field)).toEqual([
      'amount',
      'reason',
    ]);
  });
});

describe('renderTitle', () => {
  it('fills fields, channel and payload paths, and falls back to "<channel> message"', () => {
    expect(
      renderTitle('Return {{fields.orderNumber}} from {{msg.From}} via {{channel}}', {
        payload,
        fields: { orderNumber: 'SO-1042' },
        channel: 'wechat',
      }),
    ).toBe('Return SO-1042 from oUser1 via wechat');
    expect(renderTitle('{{nothing}}', { payload, fields: {}, channel: 'email' })).toBe('email message');
  });
});

describe('json paths', () => {
  it('parses names and indexes and refuses prototype tricks', () => {
    expect(parseJsonPath('$.a.b[2][0]')).toEqual({ segments: ['a', 'b', 2, 0] });
    expect(parseJsonPath('__proto__.x')).toHaveProperty('error');
    expect(readJsonPath({ a: { b: [1, [7]] } }, ['a', 'b', 1, 0])).toBe(7);
    expect(readJsonPath({ a: 1 }, ['toString'])).toBeUndefined();
  });
});

describe('checkFieldMappings', () => {
  it('accepts each kind of mapping and names malformed ones', () => {
    expect(
      checkFieldMappings([
        { field: 'a', path: 'x.y' },
        { field: 'b', from: 'text', extract: 'order-number' },
        { field: 'c', value: 1 },
      ]),
    ).toEqual([]);
    expect(
      checkFieldMappings([
        { field: 'a', path: 'x', value: 1 },
        { field: 'b', from: 'text', extract: 'regex:.*' },
        { field: 'b', path: 'y' },
      ]),
    ).toEqual([
      'fieldMappings[0] needs exactly one of "path", "from" + "extract", or "value"',
      'fieldMappings[1].extract: "regex:.*" is not an extractor; use one of order-number, tracking-number, number-after:<label>, word-after:<label>, text-after:<label>, email',
      'fieldMappings[2]: field "b" is mapped twice',
    ]);
  });
});
