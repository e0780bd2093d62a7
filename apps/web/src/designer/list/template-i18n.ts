import type { WorkflowDefinition } from '@ticketflow/definition';

/** What a template carries for another language, under the definition's `x-i18n` extension (see workflows/README.md). */
export interface TemplateTranslation {
  name?: string;
  description?: string;
  /** Node id -> node name. */
  nodes?: Record<string, string>;
  /** Field name -> field label. */
  fields?: Record<string, string>;
}

function translationOf(definition: WorkflowDefinition, language: string): TemplateTranslation | undefined {
  const all = (definition as unknown as Record<string, unknown>)['x-i18n'];
  if (!all || typeof all !== 'object') return undefined;
  const byLanguage = all as Record<string, TemplateTranslation | undefined>;
  return byLanguage[language] ?? byLanguage[language.split('-')[0]!];
}

/** A template's name and description in the UI language (English when it carries none). Pure. */
export function templateText(
  template: { name: string; description?: string; definition: WorkflowDefinition },
  language: string,
): { name: string; description: string } {
  const tr = translationOf(template.definition, language);
  return { name: tr?.name ?? template.name, description: tr?.description ?? template.description ?? '' };
}

/**
 * The template's definition as the user starts from it: in the UI language
 * when the template carries one (workflow name, description, node names and
 * field labels), ids and field names unchanged so rules and scenarios still
 * match. Pure.
 */
export function localizeTemplate(definition: WorkflowDefinition, language: string): WorkflowDefinition {
  const tr = translationOf(definition, language);
  if (!tr) return definition;
  return {
    ...definition,
    name: tr.name ?? definition.name,
    ...((tr.description ?? definition.description)
      ? { description: tr.description ?? definition.description }
      : {}),
    nodes: definition.nodes.map((node) =>
      tr.nodes?.[node.id] ? { ...node, name: tr.nodes[node.id] } : node,
    ),
    fields: definition.fields.map((field) =>
      tr.fields?.[field.name] ? { ...field, label: tr.fields[field.name] } : field,
    ),
  };
}
