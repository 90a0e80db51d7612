/** A search index built for one installed content version (a cache: rebuilt when missing). */
export interface StoredSearchIndex {
  /** The content version it indexes. */
  version: string;
  builtAt: number;
  /**
   * MiniSearch's serialised index of the guide, postings only: its ids are positions in `docs`
   * (JSON text). Kept in a record of its own (key: the version and "postings"), read after the documents.
   */
  index?: string;
  /** The guide's documents as a DocTable (JSON text): what results show and what a first answer scans. */
  docs?: string;
  /** 2 since the documents moved out of the index; a cache of any other format is rebuilt. */
  format?: number;
  [extra: string]: unknown;
}
