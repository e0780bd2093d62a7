import type { FieldDefinition, WorkflowDefinition } from '@ticketflow/definition';
import type { Command } from './command.types';

/** `field.add`: declares a ticket field at the end of the list. Pure factory. */
export function addField(field: FieldDefinition): Command {
  return {
    type: 'field.add',
    do: (def) => ({ ...def, fields: [...def.fields, field] }),
    undo: (def) => ({ ...def, fields: def.fields.filter((f) => f !== field && f.name !== field.name) }),
  };
}

/** `field.update`: replaces the field at `index` (its name may change). */
export function updateField(index: number, before: FieldDefinition, after: FieldDefinition, mergeKey?: string): Command {
  const put = (def: WorkflowDefinition, field: FieldDefinition) => ({
    ...def,
    fields: def.fields.map((f, i) => (i === index ? field : f)),
  });
  return { type: 'field.update', mergeKey, do: (def) => put(def, after), undo: (def) => put(def, before) };
}

/** `field.remove`: removes the field at `index`; undo puts it back in place. */
export function removeField(index: number, field: FieldDefinition): Command {
  return {
    type: 'field.remove',
    do: (def) => ({ ...def, fields: def.fields.filter((_, i) => i !== index) }),
    undo: (def) => {
      const fields = [...def.fields];
      fields.splice(index, 0, field);
      return { ...def, fields };
    },
  };
}
