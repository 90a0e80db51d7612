import { resolve } from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation } from '../../src/annotations/types.ts';
import { compileContent, readContentDir } from '../../src/content/build/compile.ts';
import { chapterDocs, definitionOf } from '../../src/search/documents.ts';
import { buildIndex, runSearch } from '../../src/search/engine.ts';
import { cleanQuery, MAX_QUERY } from '../../src/search/query.ts';
import { SearchService } from '../../src/search/search-service.ts';
import { makeSnippet } from '../../src/search/snippet.ts';
import { processTerm } from '../../src/search/terms.ts';
import type { TreeNode } from '../../src/shared/content-types.ts';
import { saveAnnotation, deleteAnnotation } from '../../src/storage/annotations-repo.ts';
import { commitContent } from '../../src/storage/content-repo.ts';
import { closePocketDb, openPocketDb } from '../../src/storage/db.ts';
import { makeGuide } from '../support/guide-fixtures.ts';

const guide = compileContent(readContentDir(resolve(import.meta.dirname, '../../content')));
const docs = guide.chapters.flatMap((c, rank) => chapterDocs(c.payload, rank, c.meta.part === 'glossary'));
const index = buildIndex(docs);
const search = (q: string, filter: 'all' | 'guide' | 'glossary' | 'note' | 'card' = 'all') => runSearch([index], q, filter, 20, guide.manifest.version);

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
  it('survives any input', () => {
    for (const q of ['', '   ', 'a'.repeat(10_000), '.*+?()[]{}|^$\\', '<img src=x onerror=alert(1)>', '🙂🙂', 'مرحبا بالعالم', '\u202e\u0000abc']) {
      expect(() => search(q)).not.toThrow();
    }
    expect(cleanQuery('x'.repeat(10_000)).length).toBe(MAX_QUERY);
    expect(search('!!!').total).toBe(0);
  });
  it('keeps a snippet short and its marks inside it', () => {
    const text = `${'word '.repeat(100)}needle ${'word '.repeat(100)}`;
    const { snippet, marks } = makeSnippet(text, new Set(['needl']));
    expect(snippet.length).toBeLessThan(200);
    expect(marks.map(([s, e]) => snippet.slice(s, e))).toEqual(['needle']);
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
    expect(await db.getAllKeys('searchIndex')).toEqual([v1.manifest.version]);
    // A second page opens from the cache: the headings part at once, the text part just after.
    const second = new SearchService(openPocketDb, Date.now, 0);
    expect((await second.open()).source).toBe('cache');
    expect(second.search('capybara', 'all', 20).total).toBe(0);
    await second.guideReady;
    expect(second.search('capybara', 'all', 20).hits[0]?.blockId).toBe('intro-p1');

    const v2 = makeGuide(['a', 'b'], { b: 'Narwhal batching explained.' });
    await commitContent(db, v2.manifest, v2.payloads.filter((p) => p.id === 'b'), []);
    expect((await svc.open()).source).toBe('built');
    await svc.caching;
    expect(svc.search('capybara', 'all', 20).total).toBe(0);
    expect(svc.search('narwhal', 'all', 20).hits[0]?.chapterId).toBe('b');
    expect(await db.getAllKeys('searchIndex')).toEqual([v2.manifest.version]);
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
