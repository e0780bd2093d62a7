import type { WorkflowDefinition } from '@ticketflow/definition';
import { localizeDefinition, translationOf } from '../../i18n/definition-text';

export type { DefinitionTranslation as TemplateTranslation } from '../../i18n/definition-text';

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
 * when the template carries one (see `localizeDefinition`). Pure.
 */
export function localizeTemplate(definition: WorkflowDefinition, language: string): WorkflowDefinition {
  return localizeDefinition(definition, language);
}
