import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldDefinition } from '@ticketflow/definition';
import { FieldInput } from '../tickets/FieldInput';
import type { FieldError, RawValues } from '../tickets/field-form';
import { ticketsApi } from '../tickets/tickets.api';
import { loadVersion } from '../tickets/use-workflow-version';
import { localizeDefinition } from '../i18n/definition-text';
import type { Task } from '@ticketflow/contract';

/** The form entries a step lets the person edit (entries from before step forms have no mode: edits). */
export function editableEntries(task: Task) {
  return (task.form ?? []).filter((entry) => (entry.mode ?? 'edit') === 'edit');
}

/** The workflow fields a step's form lets the person edit, typed from the ticket's pinned version. */
export function useTaskFormFields(task: Task): { fields: FieldDefinition[] | null; error?: string } {
  const { i18n } = useTranslation();
  const language = i18n.language;
  const editable = editableEntries(task);
  const [state, setState] = useState<{ fields: FieldDefinition[] | null; error?: string }>({
    fields: editable.length ? null : [],
  });
  useEffect(() => {
    const entries = editableEntries(task);
    if (entries.length === 0) return undefined;
    let live = true;
    (async () => {
      const ticket = await ticketsApi.get(task.ticketId);
      const version = await loadVersion(ticket.workflow.key, ticket.workflow.version);
      const definition = localizeDefinition(version.definition, language);
      const byName = new Map(definition.fields.map((f) => [f.name, f]));
      return entries.map(
        (entry) => byName.get(entry.field) ?? ({ name: entry.field, type: 'string' } as FieldDefinition),
      );
    })().then(
      (fields) => live && setState({ fields }),
      (e: unknown) => live && setState({ fields: [], error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reloaded per ticket and form, not per task object of a refresh
  }, [task.ticketId, task.form, language]);
  return state;
}

interface Props {
  task: Task;
  fields: FieldDefinition[];
  values: RawValues;
  errors: Record<string, FieldError | string>;
  onChange: (name: string, value: string | boolean) => void;
}

/** Inputs for the fields a step may edit; required ones are marked, notes shown. */
export function TaskForm({ task, fields, values, errors, onChange }: Props) {
  const { t } = useTranslation();
  const required = new Set((task.form ?? []).filter((e) => e.required).map((e) => e.field));
  const notes = new Map((task.form ?? []).map((e) => [e.field, e.note]));
  if (fields.length === 0) return null;
  return (
    <fieldset className="task-form" data-testid="task-form">
      <legend>{t('inbox.actions.formFields')}</legend>
      {fields.map((field) => (
        <div key={field.name}>
          <FieldInput
            key={field.name}
            field={field}
            value={values[field.name]}
            onChange={(value) => onChange(field.name, value)}
            error={errors[field.name]}
            required={required.has(field.name) || field.required}
            testId={`task-field-${field.name}`}
          />
          {notes.get(field.name) && <p className="small muted field-note">{notes.get(field.name)}</p>}
        </div>
      ))}
    </fieldset>
  );
}
