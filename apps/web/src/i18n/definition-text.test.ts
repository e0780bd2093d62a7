import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '@ticketflow/definition';
import { attachmentRuleOf } from '@ticketflow/definition';
import { fieldOf, localizeDefinition } from './definition-text';

const definition = {
  schemaVersion: 1,
  key: 'refund-approval',
  name: 'Refund approval',
  'x-i18n': {
    'zh-CN': { name: '退款审批', nodes: { finance: '财务审批' }, fields: { refundAmount: '退款金额' } },
  },
  fields: [
    { name: 'refundAmount', type: 'number', label: 'Refund amount' },
    { name: 'channel', type: 'string' },
  ],
  nodes: [
    { id: 'finance', type: 'approval', name: 'Finance approval', approvers: { role: 'finance' } },
    { id: 'manager', type: 'approval', name: 'Manager approval', approvers: { role: 'manager' } },
  ],
  edges: [],
} as unknown as WorkflowDefinition;

describe('localizeDefinition', () => {
  it('takes step names and field labels from x-i18n, keeping ids, names and untranslated parts', () => {
    const zh = localizeDefinition(definition, 'zh-CN');
    expect(zh.name).toBe('退款审批');
    expect(zh.nodes.map((node) => node.name)).toEqual(['财务审批', 'Manager approval']);
    expect(fieldOf(zh, 'refundAmount')).toMatchObject({
      name: 'refundAmount',
      label: '退款金额',
      type: 'number',
    });
    expect(fieldOf(zh, 'channel')?.label).toBeUndefined();
  });

  it("translates a step's attachment note and leaves steps without a rule as they are", () => {
    const withRule = {
      ...definition,
      'x-i18n': { 'zh-CN': { attachmentNotes: { finance: '请附上收据。', manager: '不适用' } } },
      nodes: [
        {
          ...definition.nodes[0],
          form: { fields: [], attachments: { required: true, note: 'Attach the receipt.' } },
        },
        definition.nodes[1],
      ],
    } as unknown as WorkflowDefinition;
    const zh = localizeDefinition(withRule, 'zh-CN');
    expect(attachmentRuleOf(zh.nodes[0]!)).toEqual({ required: true, note: '请附上收据。' });
    expect(zh.nodes[1]).toBe(withRule.nodes[1]);
    expect(attachmentRuleOf(localizeDefinition(withRule, 'en').nodes[0]!)?.note).toBe('Attach the receipt.');
  });

  it('finds the translation by the base language too, and returns the same object when there is none', () => {
    expect(localizeDefinition(definition, 'zh').name).toBe('退款审批');
    expect(localizeDefinition(definition, 'en')).toBe(definition);
  });
});
