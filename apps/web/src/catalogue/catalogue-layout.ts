import type { CatalogueLayout, LayoutEntry } from './catalogue.api';

/** The list with the item at `index` moved by `delta` (−1 up, +1 down); unchanged at the ends. Pure. */
export function moveItem<T>(list: readonly T[], index: number, delta: number): T[] {
  const target = index + delta;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(index, 1);
  next.splice(target, 0, item as T);
  return next;
}

/** A category id not used yet, from its English name (`IT help` → `it-help`), else `category-N`. Pure. */
export function newCategoryId(name: string, taken: readonly string[]): string {
  const base =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 32) || 'category';
  let id = base;
  for (let n = 2; taken.includes(id); n += 1) id = `${base}-${n}`;
  return id;
}

/** The layout without a category: its entries become uncategorised. Pure. */
export function removeCategory(layout: CatalogueLayout, id: string): CatalogueLayout {
  return {
    categories: layout.categories.filter((category) => category.id !== id),
    entries: layout.entries.map((entry) =>
      entry.categoryId === id ? { ...entry, categoryId: null } : entry,
    ),
  };
}

/** The layout with one entry changed. Pure. */
export function updateEntry(
  layout: CatalogueLayout,
  key: string,
  change: Partial<LayoutEntry>,
): CatalogueLayout {
  return {
    ...layout,
    entries: layout.entries.map((entry) => (entry.workflowKey === key ? { ...entry, ...change } : entry)),
  };
}
