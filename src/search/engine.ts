import MiniSearch, { type Options, type SearchOptions } from 'minisearch';
import { diversePage } from './collapse.ts';
import type { DocKind, Filter, SearchAnswer, SearchDoc, SearchHit } from './doc-types.ts';
import { cleanQuery, MAX_WORDS } from './query.ts';
import { scanSearch, type ScanText } from './scan.ts';
import { makeSnippet, matchedTerms } from './snippet.ts';
import { fuzzyFor, PREFIX_MIN, processTerm, tokenize } from './terms.ts';

/**
 * The search engine (MiniSearch) and its one configuration, shared by the index build and the
 * queries: titles boosted, prefix matching on the word being typed (3+ letters), one typo allowed
 * in words of five letters or more; exact phrases and title matches are ranked first.
 *
 * The index stores no fields: a result's id points into a document list kept beside it (the
 * guide's: a position in its doc table; the user's: the document id), so the stored index is the
 * postings alone, and snippets come from the documents' text.
 */

/** What MiniSearch indexes: the id and the two searched fields. */
export interface IndexedDoc {
  id: number | string;
  title: string;
  text: string;
}
export type Index = MiniSearch<IndexedDoc>;

export const indexOptions: Options<IndexedDoc> = {
  idField: 'id',
  fields: ['title', 'text'],
  storeFields: [],
  tokenize,
  processTerm: (term) => processTerm(term),
  // Our removals are few and precise; vacuuming runs only when we ask.
  autoVacuum: false,
};

const searchOptions: SearchOptions = {
  boost: { title: 3 },
  prefix: (term, i, terms) => i === terms.length - 1 && term.length >= PREFIX_MIN,
  fuzzy: (term) => fuzzyFor(term),
  weights: { fuzzy: 0.45, prefix: 0.6 },
};

/** An index and the documents its ids point at. */
export interface Collection {
  index: Index;
  doc: (id: number | string) => SearchDoc | undefined;
}

export const createIndex = (): Index => new MiniSearch<IndexedDoc>(indexOptions);

const indexed = (d: SearchDoc, id: number | string): IndexedDoc => ({ id, title: d.title, text: d.text });

/** The guide's index: document `i` of `docs` has id `i`. */
export function buildGuideIndex(docs: readonly SearchDoc[]): Index {
  const index = createIndex();
  index.addAll(docs.map((d, i) => indexed(d, i)));
  return index;
}

/** The same, in chunks that yield to the event loop (searches are answered between them). */
export async function buildGuideIndexAsync(docs: readonly SearchDoc[]): Promise<Index> {
  const index = createIndex();
  await index.addAllAsync(docs.map((d, i) => indexed(d, i)), { chunkSize: 400 });
  return index;
}

export const loadIndex = (json: string): Index => MiniSearch.loadJSON<IndexedDoc>(json, indexOptions);
export const loadIndexAsync = (json: string): Promise<Index> => MiniSearch.loadJSONAsync<IndexedDoc>(json, indexOptions);

/** The guide as a collection over its document list. */
export const guideCollection = (docs: readonly SearchDoc[], index: Index): Collection => ({ index, doc: (id) => docs[id as number] });

/** Adds or replaces one document (the user's index: ids are the documents' own). */
export function upsert(index: Index, doc: SearchDoc): void {
  if (index.has(doc.id)) index.replace(indexed(doc, doc.id));
  else index.add(indexed(doc, doc.id));
}

export function remove(index: Index, id: string): void {
  if (index.has(id)) index.discard(id);
}

/** One matching document with its score; `terms` are the index terms it matched (null: derive from its text). */
export interface Candidate {
  doc: SearchDoc;
  score: number;
  terms: string[] | null;
}

const EMPTY_COUNTS = (): Record<DocKind, number> => ({ guide: 0, glossary: 0, note: 0, card: 0 });
const RERANK = 300;

function searchCollection(c: Collection, text: string, combineWith: 'AND' | 'OR'): Candidate[] {
  const out: Candidate[] = [];
  for (const r of c.index.search(text, { ...searchOptions, combineWith })) {
    const doc = c.doc(r.id as number | string);
    if (doc) out.push({ doc, score: r.score, terms: r.terms });
  }
  return out;
}

/**
 * Searches every collection given (the guide's and the user's), best first, snippets for the
 * first `limit`. `scan`: the guide's documents while its index is still loading, searched by a
 * plain scan of their text so the first answer never waits for the index.
 */
export function runSearch(collections: Collection[], raw: string, filter: Filter, limit: number, version: string | null, scan?: ScanText): SearchAnswer {
  const query = cleanQuery(raw);
  const words = tokenize(query).slice(0, MAX_WORDS);
  const answer: SearchAnswer = { query, version, total: 0, counts: EMPTY_COUNTS(), hits: [], more: {} };
  if (words.length === 0) return answer;
  const run = (ws: string[], mode: 'AND' | 'OR') => [...collections.flatMap((c) => searchCollection(c, ws.join(' '), mode)), ...(scan ? scanSearch(scan, ws, mode) : [])];
  let results = run(words, 'AND');
  // A last word of one or two letters is usually still being typed ("two-tower m"): the words
  // before it answer until it is long enough to match by prefix, rather than every word alone.
  if (results.length === 0 && words.length > 1 && words.at(-1)!.length < PREFIX_MIN) results = run(words.slice(0, -1), 'AND');
  if (results.length === 0 && words.length > 1) results = run(words, 'OR');
  results.sort((a, b) => b.score - a.score);
  rerank(results, words.join(' ').toLowerCase());
  for (const r of results) answer.counts[r.doc.kind]++;
  const kept = filter === 'all' ? results : results.filter((r) => r.doc.kind === filter);
  answer.total = kept.length;
  const page = diversePage(kept, limit, (c) => c.doc);
  answer.hits = page.shown.map((c) => toHit(c, words));
  answer.more = page.more;
  return answer;
}

/** Exact phrase in the text (×2) and the query in the title (×1.5) lift the first few hundred results. */
function rerank(results: Candidate[], phrase: string): void {
  const head = results.slice(0, RERANK);
  for (const r of head) {
    const title = r.doc.title.toLowerCase();
    if (title && title.includes(phrase)) r.score *= title === phrase ? 3 : 1.5;
    if (r.doc.text.toLowerCase().includes(phrase)) r.score *= 2;
  }
  head.sort((a, b) => b.score - a.score);
  results.splice(0, head.length, ...head);
}

function toHit(c: Candidate, words: string[]): SearchHit {
  const { doc } = c;
  const terms = c.terms ?? matchedTerms(`${doc.title} ${doc.text}`, words);
  const { snippet, marks } = makeSnippet(doc.text || doc.title, new Set(terms));
  return {
    id: doc.id,
    kind: doc.kind,
    chapterId: doc.chapterId,
    sectionTitle: doc.sectionTitle,
    blockId: doc.blockId,
    title: doc.title,
    snippet,
    marks,
    terms,
    order: doc.order,
    score: c.score,
  };
}
