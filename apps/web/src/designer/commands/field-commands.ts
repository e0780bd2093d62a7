import type { FieldDefinition, WorkflowDefinition } from '@ticketflow/definition';
import type { Command } from './command.types';
import { renameFieldReferences } from '../model/field-references';

/** `field.add`: declares a ticket field at the end of the list. Pure factory. */
export function addField(field: FieldDefinition): Command {
  return {
    type: 'field.add',
    do: (def) => ({ ...def, fields: [...def.fields, field] }),
    undo: (def) => ({ ...def, fields: def.fields.filter((f) => f !== field && f.name !== field.name) }),
  };
}

/**
 * `field.update`: replaces the field at `index`. A rename also renames the field's
 * uses (conditions, timers, forms, actions), so the flow keeps working; undo renames
 * them back.
 */
export function updateField(
  index: number,
  before: FieldDefinition,
  after: FieldDefinition,
  mergeKey?: string,
): Command {
  const put = (def: WorkflowDefinition, field: FieldDefinition, previousName: string) => {
    const next = { ...def, fields: def.fields.map((f, i) => (i === index ? field : f)) };
    // A name another field already has would merge their uses: leave uses alone (the validator reports the duplicate).
    const taken = def.fields.some((f, i) => i !== index && f.name === field.name);
    return taken ? next : renameFieldReferences(next, previousName, field.name);
  };
  return {
    type: 'field.update',
    mergeKey,
    do: (def) => put(def, after, before.name),
    undo: (def) => put(def, before, after.name),
  };
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
