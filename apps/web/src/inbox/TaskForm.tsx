import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldDefinition } from '@ticketflow/definition';
import { FieldInput } from '../tickets/FieldInput';
import type { FieldError, RawValues } from '../tickets/field-form';
import { ticketsApi } from '../tickets/tickets.api';
import { loadVersion } from '../tickets/use-workflow-version';
import type { Task } from './tasks.api';

/** The workflow fields a task's form asks for, typed from the ticket's pinned version. */
export function useTaskFormFields(task: Task): { fields: FieldDefinition[] | null; error?: string } {
  const [state, setState] = useState<{ fields: FieldDefinition[] | null; error?: string }>({ fields: task.form?.length ? null : [] });
  useEffect(() => {
    if (!task.form?.length) return undefined;
    let live = true;
    (async () => {
      const ticket = await ticketsApi.get(task.ticketId);
      const version = await loadVersion(ticket.workflow.key, ticket.workflow.version);
      const byName = new Map(version.definition.fields.map((f) => [f.name, f]));
      return (task.form ?? []).map((entry) => byName.get(entry.field) ?? ({ name: entry.field, type: 'string' } as FieldDefinition));
    })().then(
      (fields) => live && setState({ fields }),
      (e: unknown) => live && setState({ fields: [], error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [task.ticketId, task.form]);
  return state;
}

interface Props {
  task: Task;
  fields: FieldDefinition[];
  values: RawValues;
  errors: Record<string, FieldError | string>;
  onChange: (name: string, value: string | boolean) => void;
}

/** Inputs for the fields a step asks for; required ones are marked. */
export function TaskForm({ task, fields, values, errors, onChange }: Props) {
  const { t } = useTranslation();
  const required = new Set((task.form ?? []).filter((e) => e.required).map((e) => e.field));
  if (fields.length === 0) return null;
  return (
    <fieldset className="task-form" data-testid="task-form">
      <legend>{t('inbox.actions.formFields')}</legend>
      {fields.map((field) => (
        <FieldInput
          key={field.name}
          field={field}
          value={values[field.name]}
          onChange={(value) => onChange(field.name, value)}
          error={errors[field.name]}
          required={required.has(field.name) || field.required}
          testId={`task-field-${field.name}`}
        />
      ))}
    </fieldset>
  );
}
