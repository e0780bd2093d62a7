import { describe, expect, it } from 'vitest';
import { matchRules } from './match-rules.js';
import type { AutomationRule } from './rule.types.js';

const rule = (id: string, position: number, extra: Partial<AutomationRule> = {}): AutomationRule => ({
  id,
  name: id,
  position,
  trigger: 'ticket.created',
  condition: null,
  actions: [{ type: 'add-tag', tag: id }],
  stopProcessing: false,
  enabled: true,
  ...extra,
});
const wechat = { all: [{ fact: 'ticket.channel', operator: 'equal', value: 'wechat' }] };

describe('matchRules', () => {
  it('returns matching rules in position order, not list order', async () => {
    const matches = await matchRules([rule('b', 20), rule('a', 10), rule('c', 30)], 'ticket.created', {});
    expect(matches.map((m) => m.rule.id)).toEqual(['a', 'b', 'c']);
  });

  it('stops after the first matching rule that says so', async () => {
    const rules = [
      rule('first', 10, { condition: wechat }),
      rule('stop', 20, { stopProcessing: true }),
      rule('never', 30),
    ];
    const matches = await matchRules(rules, 'ticket.created', { 'ticket.channel': 'email' });
    expect(matches.map((m) => m.rule.id)).toEqual(['stop']);
  });

  it('keeps evaluating after a stopping rule that did not match', async () => {
    const rules = [rule('stop', 10, { condition: wechat, stopProcessing: true }), rule('next', 20)];
    expect(
      (await matchRules(rules, 'ticket.created', { 'ticket.channel': 'email' })).map((m) => m.rule.id),
    ).toEqual(['next']);
  });

  it('skips disabled rules and rules of other triggers', async () => {
    const rules = [
      rule('off', 10, { enabled: false }),
      rule('step', 20, { trigger: 'step.entered' }),
      rule('on', 30),
    ];
    expect((await matchRules(rules, 'ticket.created', {})).map((m) => m.rule.id)).toEqual(['on']);
  });

  it('evaluates conditions over fields and ticket facts, and reports the values read', async () => {
    const big = rule('big', 10, {
      condition: {
        all: [wechat.all[0] as never, { fact: 'refundAmount', operator: 'greaterThan', value: 5000 }],
      },
    });
    const [match] = await matchRules([big], 'ticket.created', {
      'ticket.channel': 'wechat',
      refundAmount: 6200,
    });
    expect(match?.values).toEqual({ 'ticket.channel': 'wechat', refundAmount: 6200 });
    expect(
      await matchRules([big], 'ticket.created', { 'ticket.channel': 'wechat', refundAmount: 100 }),
    ).toEqual([]);
  });
});
