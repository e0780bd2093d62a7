import { describe, expect, it } from 'vitest';
import { attachmentRuleOf } from './step-form.js';
import { around, node } from './testing/definition-builders.js';
import { testRules } from './testing/rule-cases.js';
import { validateDefinition } from './validate-definition.js';

const documentAction =
  (extra: Record<string, unknown> = {}) =>
  () =>
    around(node.action('archive', { type: 'document', title: '维修报告 #{{ticket.number}}', ...extra }), [
      'ok',
      'failed',
    ]);
const receiptForm = (attachments: unknown) => () =>
  around(node.task('review', { form: { fields: [{ field: 'amount', mode: 'read' }], attachments } }));

testRules([
  {
    when: 'a document has no title',
    code: 'invalid-action',
    trigger: () => around(node.action('archive', { type: 'document' }), ['ok', 'failed']),
    pass: documentAction(),
  },
  {
    when: 'a document lists an unknown section',
    code: 'invalid-action',
    trigger: documentAction({ sections: ['fields', 'photos'] }),
    pass: documentAction({ sections: ['path', 'approvals'] }),
  },
  {
    when: 'a document lists a section twice',
    code: 'invalid-action',
    trigger: documentAction({ sections: ['path', 'path'] }),
    pass: documentAction({ sections: ['path'] }),
  },
  {
    when: 'a document language is not offered',
    code: 'invalid-action',
    trigger: documentAction({ language: 'fr' }),
    pass: documentAction({ language: 'zh-CN' }),
  },
  {
    when: 'a document visibility is made up',
    code: 'invalid-action',
    trigger: documentAction({ visibility: 'secret' }),
    pass: documentAction({ visibility: 'public' }),
  },
  {
    when: 'a document is sent to a relative URL',
    code: 'invalid-action',
    trigger: documentAction({ send: { url: '/archive' } }),
    pass: documentAction({
      send: { url: 'https://archive.example.com/docs', method: 'PUT', headers: { 'X-Kind': 'repair' } },
    }),
  },
  {
    when: 'a document is sent with GET',
    code: 'invalid-action',
    trigger: documentAction({ send: { url: 'https://archive.example.com/docs', method: 'GET' } }),
    pass: documentAction({ send: { url: 'https://archive.example.com/docs', method: 'POST' } }),
  },
  {
    when: 'a document names an undeclared field',
    code: 'unknown-field',
    trigger: documentAction({ fields: ['amount', 'colour'] }),
    pass: documentAction({ fields: ['amount'] }),
  },
  {
    when: 'a document has a property it does not know',
    code: 'unknown-property',
    trigger: documentAction({ template: 'x' }),
    pass: documentAction({ fileName: 'report-{{ticket.number}}' }),
  },
  {
    when: 'a form attachment rule says required: "yes"',
    code: 'invalid-type',
    trigger: receiptForm({ required: 'yes' }),
    pass: receiptForm({ required: true, note: 'Attach the receipt' }),
  },
  {
    when: 'a form attachment rule has an unknown key',
    code: 'unknown-property',
    trigger: receiptForm({ minimum: 2 }),
    pass: receiptForm({}),
  },
]);

describe('attachmentRuleOf', () => {
  it('reads the rule of a step form and ignores steps without one', () => {
    const valid = receiptForm({ required: true, note: 'Attach the receipt' })();
    expect(validateDefinition(valid).valid).toBe(true);
    const review = valid.nodes.find((n) => n.id === 'review')!;
    expect(attachmentRuleOf(review)).toEqual({ required: true, note: 'Attach the receipt' });
    expect(attachmentRuleOf(node.task('plain'))).toBeNull();
    expect(attachmentRuleOf(node.action('a'))).toBeNull();
  });
});
