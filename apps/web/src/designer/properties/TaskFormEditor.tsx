import { useTranslation } from 'react-i18next';
import type { TaskNode } from '@ticketflow/definition';
import { useDesignerStore } from '../store/designer.store';

interface Props {
  node: TaskNode;
  update: (change: (n: TaskNode) => TaskNode) => void;
}

type Use = 'none' | 'optional' | 'required';

/** Which ticket fields the assignee fills in when completing the task (the task's `form`). */
export function TaskFormEditor({ node, update }: Props) {
  const { t } = useTranslation();
  const fields = useDesignerStore((s) => s.definition.fields);
  if (fields.length === 0) return null;
  const useOf = (name: string): Use => {
    const entry = node.form?.find((f) => f.field === name);
    return !entry ? 'none' : entry.required ? 'required' : 'optional';
  };
  const set = (name: string, use: Use) =>
    update((n) => {
      const rest = (n.form ?? []).filter((f) => f.field !== name);
      const form = use === 'none' ? rest : [...rest, use === 'required' ? { field: name, required: true } : { field: name }];
      // Keep the declared field order, so the form reads like the field list.
      form.sort((a, b) => fields.findIndex((f) => f.name === a.field) - fields.findIndex((f) => f.name === b.field));
      const { form: _old, ...base } = n;
      return form.length ? { ...base, form } : base;
    });
  return (
    <fieldset data-testid="prop-form">
      <legend>{t('designer.props.form')}</legend>
      {fields.map((f) => (
        <label key={f.name} className="row">
          <span className="grow">{f.label ?? f.name}</span>
          <select data-testid={`prop-form-${f.name}`} value={useOf(f.name)} onChange={(e) => set(f.name, e.target.value as Use)}>
            <option value="none">{t('designer.props.formNone')}</option>
            <option value="optional">{t('designer.props.formOptional')}</option>
            <option value="required">{t('designer.props.formRequired')}</option>
          </select>
        </label>
      ))}
    </fieldset>
  );
}
