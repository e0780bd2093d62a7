import { describe, expect, it } from 'vitest';
import { evaluateCondition } from './evaluate-condition.js';

describe('evaluateCondition', () => {
  it('matches a numeric comparison and reports the values it read', async () => {
    const result = await evaluateCondition(
      { all: [{ fact: 'refundAmount', operator: 'greaterThan', value: 5000 }] },
      { refundAmount: 6200, channel: 'web' },
    );
    expect(result).toEqual({ matched: true, values: { refundAmount: 6200 } });
  });

  it('does not match when the number is below the threshold', async () => {
    const result = await evaluateCondition(
      { fact: 'refundAmount', operator: 'greaterThan', value: 5000 },
      { refundAmount: 3000 },
    );
    expect(result.matched).toBe(false);
  });

  it('treats a missing field as not matching, even for notEqual and notIn', async () => {
    expect(
      (await evaluateCondition({ fact: 'channel', operator: 'notEqual', value: 'web' }, {})).matched,
    ).toBe(false);
    expect(
      (await evaluateCondition({ fact: 'channel', operator: 'notIn', value: ['web'] }, {})).matched,
    ).toBe(false);
    expect(
      (await evaluateCondition({ fact: 'channel', operator: 'equal', value: 'web' }, { channel: null }))
        .values,
    ).toEqual({ channel: null });
  });

  it('negates with not and combines any / all', async () => {
    const condition = {
      any: [
        { not: { fact: 'channel', operator: 'in', value: ['phone', 'web'] } },
        {
          all: [
            { fact: 'refundAmount', operator: 'lessThanInclusive', value: 100 },
            { fact: 'vip', operator: 'equal', value: true },
          ],
        },
      ],
    };
    expect((await evaluateCondition(condition, { channel: 'wechat', refundAmount: 500 })).matched).toBe(true);
    expect(
      (await evaluateCondition(condition, { channel: 'web', refundAmount: 50, vip: true })).matched,
    ).toBe(true);
    expect(
      (await evaluateCondition(condition, { channel: 'web', refundAmount: 50, vip: false })).matched,
    ).toBe(false);
  });

  it('supports contains / doesNotContain on list fields and paths into objects', async () => {
    expect(
      (await evaluateCondition({ fact: 'tags', operator: 'contains', value: 'urgent' }, { tags: ['urgent'] }))
        .matched,
    ).toBe(true);
    expect(
      (
        await evaluateCondition(
          { fact: 'tags', operator: 'doesNotContain', value: 'urgent' },
          { tags: ['x'] },
        )
      ).matched,
    ).toBe(true);
    expect(
      (
        await evaluateCondition(
          { fact: 'customer', path: '$.tier', operator: 'equal', value: 'gold' },
          { customer: { tier: 'gold' } },
        )
      ).matched,
    ).toBe(true);
    expect(
      (
        await evaluateCondition(
          { fact: 'customer', path: '$.tier', operator: 'notEqual', value: 'gold' },
          { customer: {} },
        )
      ).matched,
    ).toBe(false);
  });

  it('rejects operators outside the catalogue', async () => {
    await expect(
      evaluateCondition({ fact: 'a', operator: 'regex', value: '.*' }, { a: 'x' }),
    ).rejects.toThrow(/Unsupported condition operator "regex"/);
  });

  it('gives the same answer when the cached engine is reused concurrently', async () => {
    const condition = { fact: 'n', operator: 'greaterThanInclusive', value: 10 };
    const results = await Promise.all([9, 10, 11, 3].map((n) => evaluateCondition(condition, { n })));
    expect(results.map((r) => r.matched)).toEqual([false, true, true, false]);
  });
});
