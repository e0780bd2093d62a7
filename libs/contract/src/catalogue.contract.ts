import { Type, type Static } from '@sinclair/typebox';
import { Closed, Nullable } from './schema-builders.js';

/** A text in both languages of the UI. */
export const BilingualSchema = Closed({ en: Type.String(), zh: Type.String() });
export type Bilingual = Static<typeof BilingualSchema>;

export const CatalogueCategorySchema = Closed({ id: Type.String(), name: BilingualSchema });
export type CatalogueCategory = Static<typeof CatalogueCategorySchema>;

/** A request type as requesters see it (`GET /api/catalogue`). */
export const CatalogueItemSchema = Closed({
  workflowKey: Type.String(),
  categoryId: Nullable(Type.String()),
  icon: Type.String(),
  title: BilingualSchema,
  description: BilingualSchema,
});
export type CatalogueItem = Static<typeof CatalogueItemSchema>;

/** `GET /api/catalogue?q=`: categories in the admins' order and the request types found. */
export const RequesterCatalogueSchema = Closed({
  categories: Type.Array(CatalogueCategorySchema),
  entries: Type.Array(CatalogueItemSchema),
});
export type RequesterCatalogue = Static<typeof RequesterCatalogueSchema>;

/** A workflow as admins arrange it in the catalogue. */
export const AdminCatalogueEntrySchema = Closed({
  workflowKey: Type.String(),
  workflowName: BilingualSchema,
  published: Type.Boolean({
    description: 'Has a published, non-deprecated version (only those reach requesters)',
  }),
  requestable: Type.Boolean(),
  categoryId: Nullable(Type.String()),
  icon: Type.String(),
  title: Type.Optional(BilingualSchema),
  description: BilingualSchema,
});
export type AdminCatalogueEntry = Static<typeof AdminCatalogueEntrySchema>;

/** `GET` / `PUT /api/catalogue/layout` (admins): every workflow's entry and the categories. */
export const AdminCatalogueSchema = Closed({
  categories: Type.Array(CatalogueCategorySchema),
  entries: Type.Array(AdminCatalogueEntrySchema),
});
export type AdminCatalogue = Static<typeof AdminCatalogueSchema>;
