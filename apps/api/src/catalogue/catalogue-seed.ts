import type { WorkflowTemplate } from '../workflows/workflow-templates.js';
import { CATALOGUE_ICONS, type CatalogueIcon } from './catalogue-icons.js';
import type { CatalogueLayoutDto } from './catalogue.dto.js';

/** What a template says about its place in the catalogue, under its `x-catalogue` extension (workflows/README.md). */
interface TemplateCatalogue {
  requestable?: boolean;
  category?: { id: string; en: string; zh: string };
  icon?: string;
  order?: number;
  description?: { en: string; zh: string };
}

/**
 * The demo catalogue: one entry per template that carries `x-catalogue`,
 * grouped by its category (categories in the order they first appear),
 * ordered by `order` within it. Pure.
 */
export function catalogueFromTemplates(templates: readonly WorkflowTemplate[]): CatalogueLayoutDto {
  const categories: CatalogueLayoutDto['categories'] = [];
  const placed: { entry: CatalogueLayoutDto['entries'][number]; category: number; order: number }[] = [];
  for (const template of templates) {
    const spec = (template.definition as unknown as Record<string, unknown>)['x-catalogue'] as
      TemplateCatalogue | undefined;
    if (!spec) continue;
    let category = -1;
    if (spec.category) {
      const { id, en, zh } = spec.category;
      category = categories.findIndex((c) => c.id === id);
      if (category < 0) category = categories.push({ id, name: { en, zh } }) - 1;
    }
    const icon = (CATALOGUE_ICONS as readonly string[]).includes(spec.icon ?? '')
      ? (spec.icon as CatalogueIcon)
      : 'general';
    placed.push({
      entry: {
        workflowKey: template.key,
        requestable: spec.requestable === true,
        categoryId: spec.category?.id ?? null,
        icon,
        description: spec.description ?? { en: template.description ?? '', zh: '' },
      },
      category: category < 0 ? Number.MAX_SAFE_INTEGER : category,
      order: spec.order ?? Number.MAX_SAFE_INTEGER,
    });
  }
  placed.sort((a, b) => a.category - b.category || a.order - b.order);
  return { categories, entries: placed.map((p) => p.entry) };
}
