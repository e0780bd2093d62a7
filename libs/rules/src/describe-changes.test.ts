import { describe, expect, it } from 'vitest';
import { diffDefinitions, type WorkflowDefinition } from '@ticketflow/definition';
import { describeChanges } from './describe-changes.js';
import { describeDuration, describeValue } from './describe-values.js';

function refund(threshold: number, timeout = 'PT48H'): WorkflowDefinition {
  return {
    schemaVersion: 1,
    key: 'refund-approval',
    name: 'Refund approval',
    fields: [{ name: 'refundAmount', type: 'number', label: 'Refund amount', required: true }],
    nodes: [
      { id: 'start', type: 'start' },
      { id: 'amount', type: 'decision', name: 'Refund amount?' },
      {
        id: 'finance',
        type: 'approval',
        name: 'Finance approval',
        approvers: { role: 'finance' },
        timeout: { after: timeout },
      },
      { id: 'done', type: 'end', outcome: 'resolved' },
    ],
    edges: [
      { id: 'e1', source: 'start', target: 'amount' },
      {
        id: 'e2',
        source: 'amount',
        target: 'finance',
        condition: { all: [{ fact: 'refundAmount', operator: 'greaterThan', value: threshold }] },
      },
      { id: 'e3', source: 'amount', target: 'done', default: true },
      { id: 'e4', source: 'finance', target: 'done', on: 'approved' },
    ],
  };
}

const texts = (before: WorkflowDefinition, after: WorkflowDefinition, locale: 'en' | 'zh' = 'en') =>
  describeChanges(diffDefinitions(before, after).changes, before, after, locale).map((change) => change.text);

describe('describeChanges', () => {
  it('words a changed timeout in units, in English and Chinese', () => {
    const before = refund(5000, 'PT48H');
    const after = refund(5000, 'PT24H');
    expect(texts(before, after)).toEqual(['Finance approval: timeout 48 hours → 24 hours']);
    expect(texts(before, after, 'zh')).toEqual(['Finance approval：超时 48 小时 → 24 小时']);
  });

  it('words a changed threshold as two conditions in sentences, never as JSON', () => {
    const before = refund(5000);
    const after = refund(3000);
    const [change] = describeChanges(diffDefinitions(before, after).changes, before, after);
    expect(change).toEqual({
      text: 'Path “Refund amount? → Finance approval”: condition when Refund amount > 5,000 → when Refund amount > 3,000',
      edgeId: 'e2',
    });
    expect(texts(before, after, 'zh')).toEqual([
      '路径“Refund amount? → Finance approval”：条件 当 Refund amount > 5,000 时 → 当 Refund amount > 3,000 时',
    ]);
  });

  it('names added steps and changed people and rules', () => {
    const before = refund(5000);
    const after = refund(5000);
    after.nodes.push({
      id: 'audit',
      type: 'task',
      name: 'Audit',
      assignee: { role: 'agent', strategy: 'least-loaded' },
    });
    after.nodes[2] = {
      id: 'finance',
      type: 'approval',
      name: 'Finance approval',
      approvers: { users: ['finance1', 'finance2'] },
      policy: { type: 'quorum', count: 2 },
      timeout: { after: 'P2D', businessHours: true, autoDecision: 'rejected' },
    };
    expect(texts(before, after)).toEqual([
      'New step “Audit”',
      'Finance approval: approvers role “finance” → users “finance1”, “finance2”',
      'Finance approval: timeout 48 hours → 2 days of business time, then reject automatically',
      'Finance approval: approval rule none → 2 approvers',
    ]);
    expect(texts(before, after, 'zh')).toEqual([
      '新增步骤“Audit”',
      'Finance approval：审批人 角色“finance” → 用户 “finance1”、“finance2”',
      'Finance approval：超时 48 小时 → 2 天（工作时间），到期自动驳回',
      'Finance approval：审批规则 无 → 2 位审批人同意',
    ]);
  });

  it('never shows braces or quotes of JSON for any value', () => {
    const before = refund(5000);
    const after = refund(5000);
    after.nodes[3] = { id: 'done', type: 'end', outcome: 'refunded' };
    after.fields[0] = { ...after.fields[0]!, min: 1, max: 10_000 };
    after.nodes.push({
      id: 'ping',
      type: 'action',
      name: 'Tell ERP',
      action: { type: 'set-fields', values: { refundAmount: 0 } },
    });
    for (const locale of ['en', 'zh'] as const) {
      for (const text of texts(before, after, locale)) expect(text).not.toMatch(/[{}[\]]|":/);
    }
    expect(texts(before, after)).toContain('Field “refundAmount”: maximum none → 10,000');
    expect(
      describeValue('action', { type: 'set-fields', values: { refundAmount: 0 } }, after.fields, 'en'),
    ).toBe('set “Refund amount” to 0');
    expect(describeValue('mystery', { a: 1, b: 'x' }, [], 'en')).toBe('a: 1; b: “x”');
  });
});

describe('describeDuration', () => {
  it('reads ISO durations with units and plurals', () => {
    expect(describeDuration('PT1H', 'en')).toBe('1 hour');
    expect(describeDuration('P1DT2H30M', 'en')).toBe('1 day 2 hours 30 minutes');
    expect(describeDuration('P1W', 'zh')).toBe('1 周');
    expect(describeDuration('not a duration', 'en')).toBe('not a duration');
  });
});

describe('sub-flow changes in words', () => {
  const withSubflow = (workflowKey: string, output: Record<string, string>): WorkflowDefinition => ({
    schemaVersion: 1,
    key: 'travel',
    name: 'Travel',
    fields: [{ name: 'approvedBy', type: 'string', label: 'Approved by' }],
    nodes: [
      { id: 'start', type: 'start' },
      { id: 'mgr', type: 'subflow', name: 'Manager approval', workflowKey, output },
      { id: 'done', type: 'end' },
    ],
    edges: [
      { id: 'e1', source: 'start', target: 'mgr' },
      { id: 'e2', source: 'mgr', target: 'done', on: 'approved' },
    ],
  });

  it('names the called workflow and the mapped fields in English and Chinese', () => {
    const before = withSubflow('manager-approval', {});
    const after = withSubflow('director-approval', { approvedBy: 'decidedBy' });
    expect(texts(before, after)).toEqual(
      expect.arrayContaining([
        'Manager approval: called workflow “manager-approval” → “director-approval”',
        'Manager approval: fields copied back none → “Approved by” ← “decidedBy”',
      ]),
    );
    expect(texts(before, after, 'zh')).toEqual(
      expect.arrayContaining(['Manager approval：调用的流程 “manager-approval” → “director-approval”']),
    );
  });
});
