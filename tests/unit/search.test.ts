import { resolve } from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation } from '../../src/annotations/types.ts';
import { compileContent, readContentDir } from '../../src/content/build/compile.ts';
import { chapterDocs, definitionOf } from '../../src/search/documents.ts';
import { diversePage, PER_CHAPTER } from '../../src/search/collapse.ts';
import { packDocs, unpackDocs } from '../../src/search/doc-table.ts';
import type { SearchDoc } from '../../src/search/doc-types.ts';
import { buildGuideIndex, guideCollection, runSearch } from '../../src/search/engine.ts';
import { scanText } from '../../src/search/scan.ts';
import { cleanQuery, cutText, MAX_QUERY } from '../../src/search/query.ts';
import { SearchService } from '../../src/search/search-service.ts';
import { makeSnippet } from '../../src/search/snippet.ts';
import { processTerm } from '../../src/search/terms.ts';
import type { TreeNode } from '../../src/shared/content-types.ts';
import { saveAnnotation, deleteAnnotation } from '../../src/storage/annotations-repo.ts';
import { commitContent } from '../../src/storage/content-repo.ts';
import { postingsKey } from '../../src/storage/search-repo.ts';
import { putUserCards } from '../../src/storage/study-repo.ts';
import type { UserCard } from '../../src/study/types.ts';
import { closePocketDb, openPocketDb } from '../../src/storage/db.ts';
import { makeGuide } from '../support/guide-fixtures.ts';

const guide = compileContent(readContentDir(resolve(import.meta.dirname, '../../content')));
const docs = guide.chapters.flatMap((c, rank) => chapterDocs(c.payload, rank, c.meta.part === 'glossary'));
const index = buildGuideIndex(docs);
const search = (q: string, filter: 'all' | 'guide' | 'glossary' | 'note' | 'card' = 'all', limit = 20) => runSearch([guideCollection(docs, index)], q, filter, limit, guide.manifest.version);
/** The same guide searched by the scan a cold open answers with while the index loads. */
const scanned = scanText(docs);
const scan = (q: string, limit = 20) => runSearch([], q, 'all', limit, guide.manifest.version, scanned);

/** Every element id in a chapter tree. */
function ids(nodes: TreeNode[], out = new Set<string>()): Set<string> {
  for (const n of nodes) {
    if (typeof n === 'string') continue;
    if (n[1]?.id) out.add(n[1].id);
    ids(n.slice(2) as TreeNode[], out);
  }
  return out;
}

describe('indexing the compiled guide', () => {
  it('maps every document back to a real element of its chapter', () => {
    const byId = new Map(guide.chapters.map((c) => [c.payload.id, ids(c.payload.body)]));
    expect(docs.length).toBeGreaterThan(3000);
    const lost = docs.filter((d) => !d.chapterId || !d.blockId || !byId.get(d.chapterId)?.has(d.blockId)).map((d) => `${d.id} → ${d.blockId}`);
    expect(lost).toEqual([]);
  }, 30_000);
  it('indexes paragraphs, list items, table rows, headings, cards and glossary terms, each once', () => {
    const emb = docs.filter((d) => d.chapterId === 'embeddings-and-vector-search');
    expect(emb.some((d) => d.id.includes(':r') && d.text.includes('HNSW'))).toBe(true);
    expect(emb.some((d) => d.kind === 'card' && d.title.includes('HNSW'))).toBe(true);
    expect(new Set(docs.map((d) => d.id)).size).toBe(docs.length);
    const glossary = docs.filter((d) => d.kind === 'glossary');
    expect(glossary.length).toBeGreaterThan(150);
    expect(glossary.find((d) => d.blockId === 'hnsw')?.text).toMatch(/proximity/);
  });
  it('finds a definition by term id for the popover', () => {
    const g = guide.chapters.find((c) => c.meta.part === 'glossary')!.payload;
    expect(definitionOf(g, 'hnsw')?.term).toMatch(/HNSW/);
    expect(definitionOf(g, 'no-such-term')).toBeNull();
  });
});

describe('spelling', () => {
  it('stems embed, embedding, embeddings and embedded to one term', () => {
    expect(new Set(['embed', 'embedding', 'embeddings', 'embedded', 'Embeddings'].map(processTerm)).size).toBe(1);
    expect(processTerm('queries')).toBe(processTerm('query'));
    expect(processTerm('the')).toBeNull();
  });
  it('reaches the HNSW block in the embeddings chapter', () => {
    const hits = search('hnsw').hits;
    expect(hits.some((h) => h.chapterId === 'embeddings-and-vector-search' && h.blockId === 'hnsw')).toBe(true);
  });
  it('forgives one typo in words of five letters or more, not in short words', () => {
    expect(search('embeding').total).toBeGreaterThan(0);
    expect(search('recomendation').hits.some((h) => /recommendation/i.test(h.title + h.snippet))).toBe(true);
    expect(search('hnsx').total).toBe(0);
  });
  it('ranks a title match first, and marks the matched words', () => {
    const top = search('two-tower model').hits[0]!;
    expect(top.title.toLowerCase()).toContain('two-tower model');
    const hit = search('hnsw').hits.find((h) => h.snippet.includes('HNSW'))!;
    expect(hit.marks.map(([s, e]) => hit.snippet.slice(s, e))).toContain('HNSW');
  });
  it('answers a query whose last word is still being typed with the words before it, not with every word alone', () => {
    // "m" is the start of "model": until it reaches three letters it matches nothing, and the
    // answer stays on "two-tower" instead of everything that mentions "two" or "tower".
    const whole = search('two-tower').total;
    for (const answer of [search('two-tower m'), scan('two-tower m', 20)]) {
      expect(answer.total).toBeGreaterThan(0);
      expect(answer.hits.every((h) => /\btwo\b/i.test(`${h.title} ${h.snippet}`) && /\btowers?\b/i.test(`${h.title} ${h.snippet}`) || h.snippet.endsWith('…'))).toBe(true);
    }
    expect(search('two-tower m').total).toBe(whole);
    // A complete short word still counts: "ab testing" is not answered as "testing".
    expect(search('ab testing').total).toBeLessThanOrEqual(search('testing').total);
  });
  it('survives any input', () => {
    for (const q of ['', '   ', 'a'.repeat(10_000), '.*+?()[]{}|^$\\', '<img src=x onerror=alert(1)>', '🙂🙂', 'مرحبا بالعالم', '\u202e\u0000abc']) {
      expect(() => search(q)).not.toThrow();
    }
    expect(cleanQuery('x'.repeat(10_000)).length).toBe(MAX_QUERY);
    // A cap that falls inside an emoji keeps it whole or drops it, never half (a lone half breaks a URL).
    for (const q of ['models ' + '🔥'.repeat(120), 'x' + '🔥'.repeat(500)]) {
      const cut = cleanQuery(q);
      expect(cut.length).toBeLessThanOrEqual(MAX_QUERY);
      expect(cut.length).toBeGreaterThanOrEqual(MAX_QUERY - 1);
      expect(() => encodeURIComponent(cut)).not.toThrow();
    }
    expect(cutText('ab🔥', 3)).toBe('ab');
    expect(cutText('ab🔥', 4)).toBe('ab🔥');
    expect(cutText('abc', 2)).toBe('ab');
    expect(search('!!!').total).toBe(0);
  });
  it('keeps a snippet short and its marks inside it', () => {
    const text = `${'word '.repeat(100)}needle ${'word '.repeat(100)}`;
    const { snippet, marks } = makeSnippet(text, new Set(['needl']));
    expect(snippet.length).toBeLessThan(200);
    expect(marks.map(([s, e]) => snippet.slice(s, e))).toEqual(['needle']);
  });
});

describe('the first answer, by a scan while the index loads', () => {
  it('finds what the index finds: the HNSW block, stemmed and mistyped words, marks', () => {
    expect(scan('hnsw').hits.some((h) => h.chapterId === 'embeddings-and-vector-search' && h.blockId === 'hnsw')).toBe(true);
    const typo = scan('embeding').hits[0]!;
    expect(typo.marks.map(([s, e]) => typo.snippet.slice(s, e).toLowerCase())).toContain('embedding');
    expect(scan('embeddings').total).toBeGreaterThan(50);
    // Most of what the index returns first is also among the scan's results.
    const fromIndex = search('feature store', 'all', 20).hits.map((h) => `${h.chapterId}#${h.blockId}`);
    const fromScan = new Set(scan('feature store', 500).hits.map((h) => `${h.chapterId}#${h.blockId}`));
    expect(fromIndex.filter((k) => fromScan.has(k)).length).toBeGreaterThanOrEqual(15);
  });
  it('matches short words whole, as the index does (no prefix under three letters)', () => {
    const two = scan('ab').hits.map((h) => h.snippet);
    expect(two.every((t) => /\bab\b/i.test(t) || t.length >= 180)).toBe(true);
    expect(scan('!!!').total).toBe(0);
  });
  it('keeps the documents whole through the stored table', () => {
    const back = unpackDocs(JSON.parse(JSON.stringify(packDocs(docs))) as ReturnType<typeof packDocs>);
    // Compared as JSON: a deep comparison of 8,000 objects is slow on a loaded machine.
    const row = (d: SearchDoc) => JSON.stringify([d.kind, d.chapterId, d.sectionTitle, d.blockId, d.title, d.text, d.order]);
    const differ = back.filter((d, i) => row(d) !== row(docs[i]!)).length;
    expect(back.length).toBe(docs.length);
    expect(differ).toBe(0);
    expect(back[100]).toMatchObject({ ...docs[100], id: '#100' });
    expect(() => unpackDocs({ ...packDocs(docs), text: [] })).toThrow(/damaged/);
  }, 30_000);
});

describe('one chapter does not flood the results', () => {
  const doc = (chapterId: string, n: number, text = `Paragraph ${n} of ${chapterId}.`): SearchDoc => ({
    id: `g:${chapterId}#p${n}`, kind: 'guide', chapterId, sectionTitle: 'S', blockId: `p${n}`, title: '', text, order: n,
  });
  it('shows near-identical blocks of one chapter once', () => {
    const list = [doc('a', 1, 'Recall @ K, precision.'), doc('a', 2, 'recall@k precision'), doc('b', 3, 'Recall @ K, precision.'), doc('a', 4)];
    const page = diversePage(list, 20, (d) => d);
    expect(page.shown.map((d) => d.id)).toEqual(['g:a#p1', 'g:b#p3', 'g:a#p4']);
    expect(page.more).toEqual({});
  });
  it(`shows at most ${PER_CHAPTER} results a chapter per page while others wait, and counts the rest`, () => {
    const list = [...Array.from({ length: 30 }, (_, i) => doc('a', i)), ...Array.from({ length: 5 }, (_, i) => doc('b', 100 + i))];
    const page = diversePage(list, 20, (d) => d);
    // b's results come after all of a's, yet the first page has room for some of them.
    expect(page.shown.filter((d) => d.chapterId === 'b')).toHaveLength(PER_CHAPTER);
    // Room left on the page is filled best first, so a search with one chapter still fills a page.
    expect(page.shown).toHaveLength(20);
    expect(page.more).toEqual({ a: 13, b: 2 });
    expect(diversePage(list.slice(0, 30), 20, (d) => d).shown).toHaveLength(20);
    expect(diversePage(list, 40, (d) => d).more).toEqual({});
  });
  it('spreads "hnsw" over several chapters on the first page of the real guide', () => {
    const answer = search('hnsw');
    const perChapter = new Map<string | null, number>();
    for (const h of answer.hits) perChapter.set(h.chapterId, (perChapter.get(h.chapterId) ?? 0) + 1);
    expect(perChapter.size).toBeGreaterThan(3);
    expect(Math.max(...perChapter.values())).toBeLessThanOrEqual(PER_CHAPTER + Math.max(0, 20 - perChapter.size * PER_CHAPTER));
    expect(answer.more['embeddings-and-vector-search']).toBeGreaterThan(0);
    const texts = answer.hits.map((h) => `${h.chapterId} ${h.snippet.toLowerCase()}`);
    expect(new Set(texts).size).toBe(texts.length);
  });
});

describe('the search service (IndexedDB)', () => {
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
  });
  afterEach(() => closePocketDb());

  const note = (id: string, text: string, t: number): Annotation => ({
    id, chapterId: 'a', anchor: null, sectionId: null, colour: null, note: text, contentVersion: 'v', chapterHash: 'h',
    status: 'anchored', createdAt: t, updatedAt: t,
  });

  it('reflects a note added, changed and deleted', async () => {
    const db = await openPocketDb();
    const g = makeGuide(['a', 'b']);
    await commitContent(db, g.manifest, g.payloads, []);
    const svc = new SearchService(openPocketDb, () => 1, 0);
    await svc.open();
    await svc.userReady;
    expect(svc.search('zanzibar', 'note', 20).total).toBe(0);
    await saveAnnotation(db, note('n1', 'Remember zanzibar sharding', 1), null);
    svc.applyAnnotation('n1', note('n1', 'Remember zanzibar sharding', 1));
    expect(svc.search('zanzibar', 'note', 20).hits[0]?.chapterId).toBe('a');
    svc.applyAnnotation('n1', note('n1', 'Now about quokkas', 2));
    expect(svc.search('zanzibar', 'all', 20).total).toBe(0);
    expect(svc.search('quokka', 'note', 20).total).toBe(1);
    await deleteAnnotation(db, 'n1');
    svc.applyAnnotation('n1', null);
    expect(svc.search('quokka', 'all', 20).total).toBe(0);
    // A fresh service reads notes from storage.
    await saveAnnotation(db, note('n2', 'Stored wombat', 3), null);
    const again = new SearchService(openPocketDb, () => 1, 0);
    await again.open();
    await again.userReady;
    expect(again.search('wombat', 'note', 20).total).toBe(1);
  });

  it('replaces the index on a content update: a removed block is no longer found, the old cache is dropped', async () => {
    const db = await openPocketDb();
    const v1 = makeGuide(['a', 'b'], { b: 'Capybara scheduling explained.' });
    await commitContent(db, v1.manifest, v1.payloads, []);
    const svc = new SearchService(openPocketDb, () => 1, 0);
    expect((await svc.open()).source).toBe('built');
    expect(svc.search('capybara', 'all', 20).hits[0]?.blockId).toBe('intro-p1');
    await svc.caching;
    expect(await db.getAllKeys('searchIndex')).toEqual([v1.manifest.version, postingsKey(v1.manifest.version)]);
    // A second page opens from the cache: the documents at once (answered by a scan), the index just after.
    const second = new SearchService(openPocketDb, Date.now, 0);
    expect((await second.open(v1.manifest.version)).source).toBe('cache');
    expect(second.indexed).toBe(false);
    expect(second.search('capybara', 'all', 20).hits[0]?.blockId).toBe('intro-p1');
    await second.guideReady;
    expect(second.indexed).toBe(true);
    expect(second.search('capybara', 'all', 20).hits[0]?.blockId).toBe('intro-p1');
    // Postings lost from the cache: rebuilt from the stored documents.
    await db.delete('searchIndex', postingsKey(v1.manifest.version));
    const third = new SearchService(openPocketDb, Date.now, 0);
    expect((await third.open()).source).toBe('cache');
    await third.guideReady;
    expect(third.indexed).toBe(true);
    expect(third.search('capybara', 'all', 20).hits[0]?.blockId).toBe('intro-p1');
    // A page that still shows the old version is answered from the installed one.

    const v2 = makeGuide(['a', 'b'], { b: 'Narwhal batching explained.' });
    await commitContent(db, v2.manifest, v2.payloads.filter((p) => p.id === 'b'), []);
    expect((await svc.open(v1.manifest.version)).source).toBe('built');
    expect(svc.search('capybara', 'all', 20).total).toBe(0); // scanned: the new version's text at once
    expect(svc.search('narwhal', 'all', 20).hits[0]?.chapterId).toBe('b');
    await svc.caching;
    expect(svc.search('capybara', 'all', 20).total).toBe(0);
    expect(svc.search('narwhal', 'all', 20).hits[0]?.chapterId).toBe('b');
    expect(await db.getAllKeys('searchIndex')).toEqual([v2.manifest.version, postingsKey(v2.manifest.version)]);
  });

  it('finds a card made in another tab once study data is said to have changed, and forgets a deleted one', async () => {
    const db = await openPocketDb();
    const g = makeGuide(['a', 'b']);
    await commitContent(db, g.manifest, g.payloads, []);
    const svc = new SearchService(openPocketDb, () => 1, 0);
    await svc.open();
    await svc.userReady;
    const card: UserCard = { id: 'k1', question: 'What does the axolotl cache hold?', answer: 'Warm rows.', highlightId: null, chapterId: 'b', sectionId: null, createdAt: 1, updatedAt: 1 };
    // Another tab writes it: this service hears nothing but "changed".
    await putUserCards(db, [card]);
    expect(svc.search('axolotl', 'card', 20).total).toBe(0);
    expect(await svc.refreshCards()).toBe(true);
    expect(svc.search('axolotl', 'card', 20).hits[0]?.chapterId).toBe('b');
    expect(await svc.refreshCards()).toBe(false);
    await putUserCards(db, [{ ...card, question: 'What does the salamander cache hold?', updatedAt: 2 }]);
    expect(await svc.refreshCards()).toBe(true);
    expect(svc.search('axolotl', 'all', 20).total).toBe(0);
    expect(svc.search('salamander', 'card', 20).total).toBe(1);
    await putUserCards(db, [{ ...card, deleted: true, updatedAt: 3 }]);
    expect(await svc.refreshCards()).toBe(true);
    expect(svc.search('salamander', 'all', 20).total).toBe(0);
  });

  it('searches the notes alone before any guide is saved, and says which version it searched', async () => {
    const db = await openPocketDb();
    await saveAnnotation(db, note('n3', 'Offline platypus', 1), null);
    const svc = new SearchService(openPocketDb, Date.now, 0);
    expect((await svc.open()).source).toBe('none');
    await svc.userReady;
    const answer = svc.search('platypus', 'all', 20);
    expect(answer.version).toBeNull();
    expect(answer.total).toBe(1);
  });
});
