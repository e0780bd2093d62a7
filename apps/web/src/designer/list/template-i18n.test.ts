import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateDefinition, type WorkflowDefinition } from '@ticketflow/definition';
import { localizeTemplate, templateText } from './template-i18n';

const refund = JSON.parse(
  readFileSync(resolve(__dirname, '../../../../../workflows/refund-approval.json'), 'utf8'),
) as WorkflowDefinition;

describe('bilingual templates', () => {
  it('names and describes a template in the UI language', () => {
    const template = {
      key: refund.key,
      name: refund.name,
      description: refund.description,
      definition: refund,
    };
    expect(templateText(template, 'zh-CN').name).toBe('退款审批');
    expect(templateText(template, 'en').name).toBe('Refund approval');
  });

  it('starts a Chinese user from Chinese node names and labels, ids unchanged, still valid', () => {
    const zh = localizeTemplate(refund, 'zh-CN');
    expect(zh.name).toBe('退款审批');
    expect(zh.nodes.find((n) => n.id === 'finance')?.name).toBe('财务审批');
    expect(zh.fields.find((f) => f.name === 'refundAmount')?.label).toBe('退款金额');
    expect(zh.nodes.map((n) => n.id)).toEqual(refund.nodes.map((n) => n.id));
    expect(validateDefinition(zh).valid).toBe(true);
    expect(localizeTemplate(refund, 'en')).toBe(refund);
  });
});
