/** A text in both languages of the UI. */
export interface Bilingual {
  en: string;
  zh: string;
}

export interface CatalogueCategory {
  id: string;
  name: Bilingual;
}

/** A request type as requesters see it. */
export interface CatalogueItem {
  workflowKey: string;
  categoryId: string | null;
  icon: string;
  title: Bilingual;
  description: Bilingual;
}

export interface RequesterCatalogue {
  categories: CatalogueCategory[];
  entries: CatalogueItem[];
}

/** A workflow as admins arrange it in the catalogue. */
export interface AdminCatalogueEntry {
  workflowKey: string;
  workflowName: Bilingual;
  /** Has a published, non-deprecated version (only those reach requesters). */
  published: boolean;
  requestable: boolean;
  categoryId: string | null;
  icon: string;
  /** Absent: the workflow's own name. */
  title?: Bilingual;
  description: Bilingual;
}

export interface AdminCatalogue {
  categories: CatalogueCategory[];
  entries: AdminCatalogueEntry[];
}

/**
 * Whether every word of `q` appears (case-insensitively) in one of the texts,
 * in either language; an empty search matches everything. Pure.
 */
export function matchesSearch(q: string | undefined, texts: readonly Bilingual[]): boolean {
  const words = (q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = texts
    .map((text) => `${text.en}\n${text.zh}`)
    .join('\n')
    .toLowerCase();
  return words.every((word) => haystack.includes(word));
}
