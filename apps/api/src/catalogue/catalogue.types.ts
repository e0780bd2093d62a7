import type { Bilingual } from '@ticketflow/contract';

// The catalogue's shapes are the contract's (libs/contract/src/catalogue.contract.ts).
export type {
  AdminCatalogue,
  AdminCatalogueEntry,
  Bilingual,
  CatalogueCategory,
  CatalogueItem,
  RequesterCatalogue,
} from '@ticketflow/contract';

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
