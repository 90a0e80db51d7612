/** What the search index holds and returns (shared by the worker, the screen and the tests). */

/** Guide blocks, glossary entries, the user's notes and highlights, and cards (guide and own). */
export type DocKind = 'guide' | 'glossary' | 'note' | 'card';

/** The filters the search screen offers, in order. */
export type Filter = 'all' | DocKind;

export interface SearchDoc {
  /** Unique in the index: `g:<chapter>#<block>` (table rows add `:r<n>`), `t:<term>`, `n:<uuid>`, `c:<card id>`. */
  id: string;
  kind: DocKind;
  /** The chapter it belongs to (null for a card of your own made outside any chapter). */
  chapterId: string | null;
  /** The `##` section it sits in (its title, for the result line). */
  sectionTitle: string;
  /** The element id to scroll to in the chapter (a block, a heading or a glossary term). */
  blockId: string | null;
  /** Boosted text: a heading, a chapter title, a glossary term, a card's question. */
  title: string;
  /** The body text: a paragraph, a list item, a table row, a definition, a note and its quote. */
  text: string;
  /** Position in reading order: chapter rank × 10,000 + block position. */
  order: number;
}

/** One search result, ready to render (snippet and marks computed where the search ran). */
export interface SearchHit {
  id: string;
  kind: DocKind;
  chapterId: string | null;
  sectionTitle: string;
  blockId: string | null;
  title: string;
  snippet: string;
  /** [start, end) character ranges of `snippet` to mark. */
  marks: Array<[number, number]>;
  /** The matched index terms, so the chapter can mark the same words. */
  terms: string[];
  order: number;
  score: number;
}

export interface SearchAnswer {
  query: string;
  /** Content version the guide part was searched in (null: no guide saved yet). */
  version: string | null;
  total: number;
  /** Counts per kind, for the filter labels. */
  counts: Record<DocKind, number>;
  hits: SearchHit[];
  /** Per chapter id ('' for none): its results not shown, so one chapter does not flood the list. */
  more: Record<string, number>;
}
