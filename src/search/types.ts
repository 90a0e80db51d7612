/** A search index built for one installed content version (a cache: rebuilt when missing). */
export interface StoredSearchIndex {
  /** The content version it indexes. */
  version: string;
  builtAt: number;
  /** MiniSearch's serialised index of the guide's text blocks (JSON text). */
  index: string;
  /** The small part loaded first: headings, glossary terms and cards (JSON text). */
  head?: string;
  [extra: string]: unknown;
}
