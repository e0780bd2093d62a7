import { describe, expect, it } from 'vitest';
import { changedFields } from './automation.service.js';
import { checkRule } from './check-rule.js';

describe('checkRule', () => {
  it('accepts a routing rule with a condition over the channel and a field', () => {
    expect(
      checkRule({
        trigger: 'ticket.created',
        condition: {
          all: [
            { fact: 'ticket.channel', operator: 'equal', value: 'email' },
            { fact: 'refundAmount', operator: 'greaterThan', value: 5000 },
          ],
        },
        actions: [
          { type: 'set-workflow', workflowKey: 'refund-approval' },
          { type: 'set-priority', priority: 'high' },
          { type: 'add-tag', tag: 'vip' },
        ],
      }),
    ).toEqual([]);
  });

  it('refuses operators outside the catalogue, such as regular expressions', () => {
    const problems = checkRule({
      trigger: 'ticket.created',
      condition: { fact: 'title', operator: 'matches', value: '(a+)+$' },
      actions: [{ type: 'add-tag', tag: 'x' }],
    });
    expect(problems).toEqual([
      expect.objectContaining({
        field: 'condition.operator',
        code: 'operator-unsupported',
        params: { value: 'matches' },
      }),
    ]);
    expect(problems[0]?.message).toContain('"matches" is not supported');
  });

  it('gives every problem its place and a code with the values to translate it', () => {
    expect(
      checkRule({ trigger: 'step.entered', actions: [{ type: 'set-priority', priority: 'asap' }] }).map(
        ({ message: _message, ...rest }) => rest,
      ),
    ).toEqual([
      { field: 'actions[0].priority', code: 'one-of', params: { values: 'low, normal, high, urgent' } },
    ]);
  });

  it('names unknown triggers, empty actions and malformed actions', () => {
    const messages = (body: Parameters<typeof checkRule>[0]) =>
      checkRule(body).map((problem) => problem.message);
    expect(messages({ trigger: 'ticket.deleted', actions: [] })).toEqual([
      expect.stringContaining('trigger "ticket.deleted"'),
      'actions must be a non-empty list',
    ]);
    expect(
      messages({
        trigger: 'step.entered',
        actions: [
          { type: 'set-workflow', workflowKey: 'x' },
          { type: 'set-priority', priority: 'asap' },
          { type: 'notify', to: {}, message: '' },
        ],
      }),
    ).toEqual([
      'actions[0]: set-workflow only makes sense on ticket.created',
      'actions[1].priority must be one of low, normal, high, urgent',
      'actions[2].to must be { role }, { user } or { requester: true }',
      'actions[2].message must be text of up to 2000 characters',
    ]);
  });

  it('bounds the nesting of conditions', () => {
    let condition: Record<string, unknown> = { fact: 'a', operator: 'equal', value: 1 };
    for (let i = 0; i < 12; i += 1) condition = { not: condition };
    expect(
      checkRule({ trigger: 'ticket.created', condition, actions: [{ type: 'add-tag', tag: 'x' }] }),
    ).toContainEqual(expect.objectContaining({ code: 'max-depth', params: { max: 8 } }));
  });
});

describe('changedFields', () => {
  it('lists fields added, removed or changed, by name', () => {
    expect(changedFields({ a: 1, b: [1], c: 'x' }, { a: 1, b: [2], d: true })).toEqual(['b', 'c', 'd']);
  });
});
