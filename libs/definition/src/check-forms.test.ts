import { describe, expect, it } from 'vitest';
import type { FieldDefinition, WorkflowNode } from './definition.types.js';
import { resolveStepForm } from './step-form.js';
import { around, compare, definition, edge, node } from './testing/definition-builders.js';
import { testRules } from './testing/rule-cases.js';

const fields: FieldDefinition[] = [
  { name: 'amount', type: 'number' },
  { name: 'reason', type: 'text' },
];
const withForm =
  (form: unknown, type: 'task' | 'approval' = 'task') =>
  () => ({
    ...around(
      type === 'task' ? node.task('t', { form }) : node.approval('t', { form }),
      type === 'task' ? ['completed'] : ['approved', 'rejected'],
    ),
    fields,
  });

/** start → review (form) → decision on amount → approve (form) → end */
function routed(reviewForm: unknown, approveForm: unknown) {
  return definition(
    [
      node.start(),
      node.task('review', { form: reviewForm }),
      node.decision('d'),
      node.approval('approve', { form: approveForm }),
      node.end('end'),
    ],
    [
      edge('start', 'review'),
      edge('review', 'd', { on: 'completed' }),
      edge('d', 'approve', { condition: compare('amount', 'greaterThan', 5000) }),
      edge('d', 'end', { default: true }),
      edge('approve', 'end', { on: 'approved' }),
      edge('approve', 'end', { on: 'rejected' }),
    ],
    fields,
  );
}

testRules([
  {
    when: 'a form names an undeclared field',
    code: 'unknown-field',
    nodeId: 't',
    trigger: withForm({ fields: [{ field: 'iban', mode: 'read' }] }),
    pass: withForm({ fields: [{ field: 'amount', mode: 'read' }] }),
  },
  {
    when: 'an approval form names an undeclared field',
    code: 'unknown-field',
    trigger: withForm({ fields: [{ field: 'iban', mode: 'edit' }] }, 'approval'),
    pass: withForm({ fields: [{ field: 'reason', mode: 'edit' }] }, 'approval'),
  },
  {
    when: 'a form entry has no mode',
    code: 'missing-property',
    trigger: withForm({ fields: [{ field: 'amount' }] }),
    pass: withForm({ fields: [{ field: 'amount', mode: 'read' }] }),
  },
  {
    when: 'a form entry has an unknown mode',
    code: 'invalid-value',
    trigger: withForm({ fields: [{ field: 'amount', mode: 'write' }] }),
    pass: withForm({ fields: [{ field: 'amount', mode: 'edit' }] }),
  },
  {
    when: 'a read-only field is required',
    code: 'invalid-value',
    trigger: withForm({ fields: [{ field: 'amount', mode: 'read', required: true }] }),
    pass: withForm({ fields: [{ field: 'amount', mode: 'edit', required: true }] }),
  },
  {
    when: 'a form lists a field twice',
    code: 'invalid-value',
    trigger: withForm({
      fields: [
        { field: 'amount', mode: 'read' },
        { field: 'amount', mode: 'edit' },
      ],
    }),
    pass: withForm({ fields: [{ field: 'amount', mode: 'edit' }] }),
  },
  {
    when: 'an approval form is a list',
    code: 'invalid-type',
    trigger: withForm([{ field: 'amount' }], 'approval'),
    pass: withForm({ fields: [{ field: 'amount', mode: 'read' }] }, 'approval'),
  },
  {
    when: 'a step edits a field an earlier decision branched on',
    code: 'form-edits-decided-field',
    severity: 'warning',
    nodeId: 'approve',
    trigger: () =>
      routed(
        { fields: [{ field: 'amount', mode: 'edit' }] },
        { fields: [{ field: 'amount', mode: 'edit' }] },
      ),
    pass: () =>
      routed(
        { fields: [{ field: 'amount', mode: 'edit' }] },
        {
          fields: [
            { field: 'amount', mode: 'read' },
            { field: 'reason', mode: 'edit' },
          ],
        },
      ),
  },
]);

describe('resolveStepForm', () => {
  const task = (form?: unknown) => node.task('t', form === undefined ? {} : { form }) as WorkflowNode;

  it('shows every field read-only and edits none when the step declares no form', () => {
    expect(resolveStepForm(task(), fields)).toEqual([
      { field: 'amount', mode: 'read', required: false },
      { field: 'reason', mode: 'read', required: false },
    ]);
  });

  it('shows exactly the declared fields, with their modes and notes', () => {
    expect(
      resolveStepForm(
        task({ fields: [{ field: 'reason', mode: 'edit', required: true, note: 'why' }] }),
        fields,
      ),
    ).toEqual([{ field: 'reason', mode: 'edit', required: true, note: 'why' }]);
  });

  it('reads the older list shape as edits and shows the other fields read-only', () => {
    expect(resolveStepForm(task([{ field: 'reason', required: true }]), fields)).toEqual([
      { field: 'reason', mode: 'edit', required: true },
      { field: 'amount', mode: 'read', required: false },
    ]);
  });

  it('drops fields the workflow does not declare', () => {
    expect(resolveStepForm(task({ fields: [{ field: 'iban', mode: 'edit' }] }), fields)).toEqual([]);
  });
});
