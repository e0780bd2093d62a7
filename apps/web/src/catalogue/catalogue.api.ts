import type {
  AdminCatalogue as CatalogueLayout,
  Bilingual,
  RequesterCatalogue as Catalogue,
} from '@ticketflow/contract';
import { api } from '../http/api-client';

export type {
  AdminCatalogueEntry as LayoutEntry,
  AdminCatalogue as CatalogueLayout,
  Bilingual,
  CatalogueCategory,
  CatalogueItem,
  RequesterCatalogue as Catalogue,
} from '@ticketflow/contract';

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
