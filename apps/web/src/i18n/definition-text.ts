import type { FieldDefinition, WorkflowDefinition } from '@ticketflow/definition';

/** What a definition carries for another language, under its `x-i18n` extension (see workflows/README.md). */
export interface DefinitionTranslation {
  name?: string;
  description?: string;
  /** Node id -> node name. */
  nodes?: Record<string, string>;
  /** Field name -> field label. */
  fields?: Record<string, string>;
  /** Node id -> the note of its form's attachment rule ("attach the receipt"). */
  attachmentNotes?: Record<string, string>;
}

/** The definition's translation for `language` (`zh-CN`, or its base `zh`), if it carries one. Pure. */
export function translationOf(
  definition: Pick<WorkflowDefinition, 'key'> | undefined,
  language: string,
): DefinitionTranslation | undefined {
  const all = (definition as unknown as Record<string, unknown> | undefined)?.['x-i18n'];
  if (!all || typeof all !== 'object') return undefined;
  const byLanguage = all as Record<string, DefinitionTranslation | undefined>;
  const base = language.split('-')[0]!;
  const sameBase = Object.keys(byLanguage).find((tag) => tag.split('-')[0] === base);
  return byLanguage[language] ?? byLanguage[base] ?? (sameBase ? byLanguage[sameBase] : undefined);
}

/**
 * The definition in the UI language where it carries one (`x-i18n`): the
 * workflow's name and description, node names, the notes of steps' attachment
 * rules (`form.attachments.note`) and field labels. Ids and field
 * names stay, so rules, paths and values still match. The one place every page
 * reads translated step and field names from — the inbox card, the ticket page,
 * the condition sentences, a template copied in the Designer. Pure: returns the
 * same object when there is nothing to translate.
 */
export function localizeDefinition<D extends WorkflowDefinition>(definition: D, language: string): D {
  const tr = translationOf(definition, language);
  if (!tr) return definition;
  return {
    ...definition,
    name: tr.name ?? definition.name,
    ...((tr.description ?? definition.description)
      ? { description: tr.description ?? definition.description }
      : {}),
    nodes: definition.nodes.map((node) =>
      withAttachmentNote(
        tr.nodes?.[node.id] ? { ...node, name: tr.nodes[node.id] } : node,
        tr.attachmentNotes?.[node.id],
      ),
    ),
    fields: definition.fields.map((field) =>
      tr.fields?.[field.name] ? { ...field, label: tr.fields[field.name] } : field,
    ),
  };
}

/** The node with its form's attachment note replaced by `note`, when it has an attachment rule. Pure. */
function withAttachmentNote<N extends WorkflowDefinition['nodes'][number]>(
  node: N,
  note: string | undefined,
): N {
  const form = (node as { form?: unknown }).form;
  if (!note || !form || typeof form !== 'object' || Array.isArray(form)) return node;
  const rule = (form as { attachments?: unknown }).attachments;
  if (!rule || typeof rule !== 'object') return node;
  return { ...node, form: { ...form, attachments: { ...rule, note } } };
}

/** A field's definition in a (localized) definition, by name. Pure. */
export function fieldOf(
  definition: Pick<WorkflowDefinition, 'fields'> | undefined,
  name: string,
): FieldDefinition | undefined {
  return definition?.fields.find((field) => field.name === name);
}
