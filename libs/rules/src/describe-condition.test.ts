import { describe, expect, it } from 'vitest';
import type { FieldDefinition } from '@ticketflow/definition';
import { describeCondition } from './describe-condition.js';

const fields: FieldDefinition[] = [
  { name: 'refundAmount', type: 'number', label: 'Refund amount' },
  { name: 'channel', type: 'enum', options: ['phone', 'web', 'wechat'] },
];

describe('describeCondition', () => {
  it('reads a flat all as "x and y" with thousands separators', () => {
    const text = describeCondition(
      {
        all: [
          { fact: 'refundAmount', operator: 'greaterThan', value: 5000 },
          { fact: 'channel', operator: 'equal', value: 'wechat' },
        ],
      },
      fields,
    );
    expect(text).toBe('Refund amount > 5,000 and channel is wechat');
  });

  it('parenthesises nested groups and not', () => {
    const text = describeCondition(
      {
        any: [
          {
            all: [
              { fact: 'refundAmount', operator: 'lessThanInclusive', value: 1234567.5 },
              { fact: 'channel', operator: 'in', value: ['phone', 'web'] },
            ],
          },
          { not: { fact: 'channel', operator: 'equal', value: 'web' } },
        ],
      },
      fields,
    );
    expect(text).toBe(
      '(Refund amount ≤ 1,234,567.5 and channel is one of phone, web) or not (channel is web)',
    );
  });

  it('uses the field name when there is no label and = for numeric equality', () => {
    expect(
      describeCondition({ fact: 'count', operator: 'equal', value: 3 }, [{ name: 'count', type: 'number' }]),
    ).toBe('count = 3');
  });

  it('does not throw on half-built draft conditions', () => {
    expect(describeCondition({ all: [] }, fields)).toBe('');
    expect(
      describeCondition({ any: [{ fact: 'channel', operator: 'equal', value: undefined }] }, fields),
    ).toBe('channel is empty');
    expect(describeCondition(null as never, fields)).toBe('');
  });

  it('speaks Chinese when asked', () => {
    expect(
      describeCondition(
        {
          all: [
            { fact: 'refundAmount', operator: 'greaterThan', value: 5000 },
            { fact: 'channel', operator: 'notEqual', value: 'web' },
          ],
        },
        fields,
        'zh',
      ),
    ).toBe('Refund amount > 5,000 且 channel 不等于 web');
  });
});
