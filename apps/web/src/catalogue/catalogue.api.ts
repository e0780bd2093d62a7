import { api } from '../http/api-client';

/** A text in both languages of the UI. */
export interface Bilingual {
  en: string;
  zh: string;
}

export interface CatalogueCategory {
  id: string;
  name: Bilingual;
}

/** A request type (GET /api/catalogue). */
export interface CatalogueItem {
  workflowKey: string;
  categoryId: string | null;
  icon: string;
  title: Bilingual;
  description: Bilingual;
}

export interface Catalogue {
  categories: CatalogueCategory[];
  entries: CatalogueItem[];
}

/** A workflow as admins arrange it (GET /api/catalogue/layout). */
export interface LayoutEntry {
  workflowKey: string;
  workflowName: Bilingual;
  published: boolean;
  requestable: boolean;
  categoryId: string | null;
  icon: string;
  title?: Bilingual;
  description: Bilingual;
}

export interface CatalogueLayout {
  categories: CatalogueCategory[];
  entries: LayoutEntry[];
}

/** A bilingual text in the UI language. Pure. */
export const inLanguage = (text: Bilingual, language: string) =>
  (language.startsWith('zh') ? text.zh : text.en) || text.en || text.zh;

/** Typed calls for the catalogue pages. Each performs one HTTP request. */
export const catalogueApi = {
  list: (q?: string) => api.get<Catalogue>(`/catalogue${q ? `?q=${encodeURIComponent(q)}` : ''}`),
  layout: () => api.get<CatalogueLayout>('/catalogue/layout'),
  saveLayout: (layout: CatalogueLayout) =>
    api.put<CatalogueLayout>('/catalogue/layout', {
      categories: layout.categories,
      entries: layout.entries.map(({ workflowName: _name, published: _published, ...entry }) => entry),
    }),
};
