import { useTranslation } from 'react-i18next';
import {
  attachmentRuleOf,
  declaredFormEntries,
  type ApprovalNode,
  type FormEntry,
  type TaskNode,
} from '@ticketflow/definition';
import { CommitInput } from '../fields/CommitInput';
import { AttachmentRuleEditor } from './AttachmentRuleEditor';
import { useDesignerStore } from '../store/designer.store';

type StepNode = TaskNode | ApprovalNode;

interface Props<N extends StepNode> {
  node: N;
  update: (change: (n: N) => N) => void;
}

type Use = 'hidden' | 'read' | 'edit' | 'required';

/** The form a step declares, or — when it declares none — the default: every field read-only. Pure. */
function entriesOf(node: StepNode, fieldNames: string[]): FormEntry[] {
  return declaredFormEntries(node) ?? fieldNames.map((field) => ({ field, mode: 'read' as const }));
}

/**
 * What a task or approval shows and lets its person change: per workflow
 * field hidden, read-only, editable or required, with an optional note.
 * Always writes the `{ fields: [...] }` shape in the field list's order.
 */
export function StepFormEditor<N extends StepNode>({ node, update }: Props<N>) {
  const { t } = useTranslation();
  const fields = useDesignerStore((s) => s.definition.fields);
  if (fields.length === 0) return null;
  const names = fields.map((f) => f.name);
  const entries = entriesOf(node, names);
  const formUseOf = (name: string): Use => {
    const entry = entries.find((e) => e.field === name);
    if (!entry) return 'hidden';
    return entry.mode === 'read' ? 'read' : entry.required ? 'required' : 'edit';
  };
  const write = (next: FormEntry[]) =>
    update((n) => {
      const ordered = [...next].sort((a, b) => names.indexOf(a.field) - names.indexOf(b.field));
      const rule = attachmentRuleOf(n);
      return { ...n, form: { fields: ordered, ...(rule ? { attachments: rule } : {}) } };
    });
  const setUse = (name: string, use: Use) => {
    const old = entries.find((e) => e.field === name);
    const rest = entries.filter((e) => e.field !== name);
    if (use === 'hidden') return write(rest);
    const entry: FormEntry = {
      field: name,
      mode: use === 'read' ? 'read' : 'edit',
      ...(use === 'required' ? { required: true } : {}),
      ...(old?.note ? { note: old.note } : {}),
    };
    return write([...rest, entry]);
  };
  const setNote = (name: string, note: string) =>
    write(
      entries.map((e) =>
        e.field !== name
          ? e
          : note.trim()
            ? { ...e, note }
            : { field: e.field, mode: e.mode, ...(e.required ? { required: true } : {}) },
      ),
    );
  return (
    <fieldset className="step-form-editor" data-testid="prop-step-form">
      <legend>{t('designer.props.stepForm')}</legend>
      <p className="small muted">{t('designer.props.stepFormHint')}</p>
      {fields.map((f) => {
        const use = formUseOf(f.name);
        return (
          <div key={f.name} className="step-form-editor__row">
            <label className="row">
              <span className="grow">{f.label ?? f.name}</span>
              <select
                data-testid={`prop-form-${f.name}`}
                value={use}
                onChange={(e) => setUse(f.name, e.target.value as Use)}
              >
                <option value="hidden">{t('designer.props.formHidden')}</option>
                <option value="read">{t('designer.props.formRead')}</option>
                <option value="edit">{t('designer.props.formEdit')}</option>
                <option value="required">{t('designer.props.formRequired')}</option>
              </select>
            </label>
            {use !== 'hidden' && (
              <CommitInput
                testId={`prop-form-note-${f.name}`}
                ariaLabel={`${f.label ?? f.name}: ${t('designer.props.formNote')}`}
                value={entries.find((e) => e.field === f.name)?.note ?? ''}
                onCommit={(note) => setNote(f.name, note)}
              />
            )}
          </div>
        );
      })}
      <AttachmentRuleEditor node={node} names={names} update={update} />
    </fieldset>
  );
}
