import MiniSearch, { type Options, type SearchOptions, type SearchResult } from 'minisearch';
import type { DocKind, Filter, SearchAnswer, SearchDoc, SearchHit } from './doc-types.ts';
import { cleanQuery, MAX_WORDS } from './query.ts';
import { makeSnippet } from './snippet.ts';
import { fuzzyFor, processTerm, tokenize } from './terms.ts';

/**
 * The search engine (MiniSearch) and its one configuration, shared by the index build and the
 * queries: titles boosted, prefix matching on the word being typed, one typo allowed in words of
 * five letters or more; exact phrases and title matches are ranked first.
 */

const STORED = ['kind', 'chapterId', 'sectionTitle', 'blockId', 'title', 'text', 'order'] as const;
export type Index = MiniSearch<SearchDoc>;

export const indexOptions: Options<SearchDoc> = {
  idField: 'id',
  fields: ['title', 'text'],
  storeFields: [...STORED],
  tokenize,
  processTerm: (term) => processTerm(term),
  // Our removals are few and precise; vacuuming runs only when we ask.
  autoVacuum: false,
};

const searchOptions: SearchOptions = {
  boost: { title: 3 },
  prefix: (term, i, terms) => i === terms.length - 1 && term.length >= 3,
  fuzzy: (term) => fuzzyFor(term),
  weights: { fuzzy: 0.45, prefix: 0.6 },
};

export const createIndex = (): Index => new MiniSearch<SearchDoc>(indexOptions);

export function buildIndex(docs: SearchDoc[]): Index {
  const index = createIndex();
  index.addAll(docs);
  return index;
}

export const loadIndex = (json: string): Index => MiniSearch.loadJSON<SearchDoc>(json, indexOptions);

/** Adds or replaces one document. */
export function upsert(index: Index, doc: SearchDoc): void {
  if (index.has(doc.id)) index.replace(doc);
  else index.add(doc);
}

export function remove(index: Index, id: string): void {
  if (index.has(id)) index.discard(id);
}

const EMPTY_COUNTS = (): Record<DocKind, number> => ({ guide: 0, glossary: 0, note: 0, card: 0 });
const RERANK = 300;

/** Searches every index given (the guide's and the user's), best first; snippets for the first `limit`. */
export function runSearch(indexes: Index[], raw: string, filter: Filter, limit: number, version: string | null): SearchAnswer {
  const query = cleanQuery(raw);
  const words = tokenize(query).slice(0, MAX_WORDS);
  const answer: SearchAnswer = { query, version, total: 0, counts: EMPTY_COUNTS(), hits: [] };
  if (words.length === 0) return answer;
  const text = words.join(' ');
  let results = indexes.flatMap((ix) => ix.search(text, { ...searchOptions, combineWith: 'AND' }));
  if (results.length === 0 && words.length > 1) results = indexes.flatMap((ix) => ix.search(text, { ...searchOptions, combineWith: 'OR' }));
  results.sort((a, b) => b.score - a.score);
  rerank(results, words.join(' ').toLowerCase());
  for (const r of results) answer.counts[r.kind as DocKind]++;
  const kept = filter === 'all' ? results : results.filter((r) => r.kind === filter);
  answer.total = kept.length;
  answer.hits = kept.slice(0, limit).map(toHit);
  return answer;
}

/** Exact phrase in the text (×2) and the query in the title (×1.5) lift the first few hundred results. */
function rerank(results: SearchResult[], phrase: string): void {
  const head = results.slice(0, RERANK);
  for (const r of head) {
    const title = String(r.title ?? '').toLowerCase();
    if (title && title.includes(phrase)) r.score *= title === phrase ? 3 : 1.5;
    if (String(r.text ?? '').toLowerCase().includes(phrase)) r.score *= 2;
  }
  head.sort((a, b) => b.score - a.score);
  results.splice(0, head.length, ...head);
}

function toHit(r: SearchResult): SearchHit {
  const terms = new Set(r.terms);
  const body = String(r.text ?? '');
  const title = String(r.title ?? '');
  const { snippet, marks } = makeSnippet(body || title, terms);
  return {
    id: String(r.id),
    kind: r.kind as DocKind,
    chapterId: (r.chapterId as string | null) ?? null,
    sectionTitle: String(r.sectionTitle ?? ''),
    blockId: (r.blockId as string | null) ?? null,
    title,
    snippet,
    marks,
    terms: r.terms,
    order: Number(r.order),
    score: r.score,
  };
}
