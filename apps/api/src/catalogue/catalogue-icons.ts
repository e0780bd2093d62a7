/** The icons a request type may show (the web app draws each); anything else is refused. */
export const CATALOGUE_ICONS = [
  'general',
  'refund',
  'return',
  'repair',
  'complaint',
  'incident',
  'change',
  'access',
  'hardware',
  'document',
] as const;

export type CatalogueIcon = (typeof CATALOGUE_ICONS)[number];
