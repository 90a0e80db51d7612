/** A search index built for one installed content version (a cache: rebuilt when missing). */
export interface StoredSearchIndex {
  /** The content version it indexes. */
  version: string;
  builtAt: number;
  /** MiniSearch's serialised index (JSON text). */
  index: string;
  [extra: string]: unknown;
}
