import { describe, expect, it } from 'vitest';
import type { Condition, FieldDefinition } from '@ticketflow/definition';
import {
  addChild,
  changeField,
  changeOperator,
  coerceValue,
  countRules,
  getAt,
  newRule,
  normalizeRoot,
  removeAt,
  setGroupKind,
  toggleNot,
  updateAt,
} from './condition-model';

const amount: FieldDefinition = { name: 'refundAmount', type: 'number', label: 'Refund amount' };
const channel: FieldDefinition = { name: 'channel', type: 'enum', options: ['phone', 'web', 'wechat'] };
const vip: FieldDefinition = { name: 'vip', type: 'boolean' };
const due: FieldDefinition = { name: 'due', type: 'date' };

describe('condition model', () => {
  it('normalises the root to a group', () => {
    expect(normalizeRoot(undefined)).toEqual({ all: [] });
    const rule = { fact: 'vip', operator: 'equal', value: true };
    expect(normalizeRoot(rule)).toEqual({ all: [rule] });
    expect(normalizeRoot({ any: [rule] })).toEqual({ any: [rule] });
  });

  it('builds refundAmount > 5000 and channel is wechat without JSON', () => {
    let root: Condition = { all: [] };
    root = addChild(root, [], newRule(amount));
    root = updateAt(root, [0], (r) => changeOperator(r as never, amount, 'greaterThan'));
    root = updateAt(
      root,
      [0],
      (r) => ({ ...(r as object), value: coerceValue(amount, 'greaterThan', '5000') }) as Condition,
    );
    root = addChild(root, [], changeField(newRule(amount), channel));
    root = updateAt(root, [1], (r) => ({ ...(r as object), value: 'wechat' }) as Condition);
    expect(root).toEqual({
      all: [
        { fact: 'refundAmount', operator: 'greaterThan', value: 5000 },
        { fact: 'channel', operator: 'equal', value: 'wechat' },
      ],
    });
    expect(countRules(root)).toBe(2);
  });

  it('starts a rule with the first operator for the type and a fitting value', () => {
    expect(newRule(amount)).toEqual({ fact: 'refundAmount', operator: 'equal', value: 0 });
    expect(newRule(channel)).toEqual({ fact: 'channel', operator: 'equal', value: 'phone' });
    expect(newRule(vip)).toEqual({ fact: 'vip', operator: 'equal', value: true });
    expect(newRule(due).value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('switches groups between all and any, and nests groups', () => {
    let root: Condition = { all: [newRule(amount)] };
    root = addChild(root, [], { any: [newRule(vip)] });
    root = setGroupKind(root, [], 'any');
    expect('any' in root).toBe(true);
    root = addChild(root, [1], newRule(channel));
    expect(getAt(root, [1, 1])).toEqual(newRule(channel));
  });

  it('wraps in not and unwraps again', () => {
    const root: Condition = { all: [newRule(vip)] };
    const negated = toggleNot(root, [0]);
    expect(negated).toEqual({ all: [{ not: newRule(vip) }] });
    expect(toggleNot(negated, [0])).toEqual(root);
  });

  it('removes rules and groups by path', () => {
    const root: Condition = { all: [newRule(amount), { any: [newRule(vip), newRule(channel)] }] };
    expect(removeAt(root, [1, 0])).toEqual({ all: [newRule(amount), { any: [newRule(channel)] }] });
    expect(removeAt(root, [1])).toEqual({ all: [newRule(amount)] });
  });

  it('keeps operator and value when the new field type allows them', () => {
    const rule = { fact: 'refundAmount', operator: 'greaterThan', value: 5 };
    expect(changeField(rule, { name: 'other', type: 'number' })).toEqual({
      fact: 'other',
      operator: 'greaterThan',
      value: 5,
    });
    expect(changeField(rule, channel)).toEqual({ fact: 'channel', operator: 'equal', value: 'phone' });
  });

  it('turns values into lists for in / notIn and back', () => {
    const rule = { fact: 'channel', operator: 'equal', value: 'web' };
    const listed = changeOperator(rule, channel, 'in');
    expect(listed.value).toEqual(['web']);
    expect(changeOperator(listed, channel, 'notEqual').value).toBe('web');
  });

  it('coerces input to the field type or refuses', () => {
    expect(coerceValue(amount, 'equal', '12.5')).toBe(12.5);
    expect(coerceValue(amount, 'equal', 'abc')).toBeUndefined();
    expect(coerceValue(amount, 'equal', '')).toBeUndefined();
    expect(coerceValue(vip, 'equal', 'false')).toBe(false);
    expect(coerceValue(channel, 'equal', 'fax')).toBeUndefined();
    expect(coerceValue(channel, 'in', 'web, wechat')).toEqual(['web', 'wechat']);
    expect(coerceValue(due, 'equal', '2026-03-01')).toBe('2026-03-01');
    expect(coerceValue(due, 'equal', 'tomorrow')).toBeUndefined();
  });
});
