import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation } from '../../src/annotations/types.ts';
import { notebookGroups } from '../../src/notebook/notebook-model.ts';
import type { ContentManifest } from '../../src/shared/content-types.ts';
import { allAnnotations, annotationsHead, putAnnotations } from '../../src/storage/annotations-repo.ts';
import { closePocketDb, openPocketDb } from '../../src/storage/db.ts';

const CHAPTERS = ['intro', 'evaluate', 'deploy'];
const manifest = { version: 'v1', chapters: CHAPTERS.map((id, order) => ({ id, order, part: 'concepts', title: id, outline: [] })) } as unknown as ContentManifest;

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

function annotations(n: number, seed: number, chapters = CHAPTERS): Annotation[] {
  const r = random(seed);
  return Array.from({ length: n }, (_, i) => {
    const start = Math.floor(r() * 50); // few positions: many ties
    const note = r() < 0.15;
    return {
      id: `00000000-0000-4000-8000-${String(Math.floor(r() * 1e12)).padStart(12, '0')}`,
      chapterId: chapters[Math.floor(r() * chapters.length)]!,
      anchor: note ? null : { quote: { type: 'TextQuoteSelector', exact: 'q', prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start, end: start + 5 } },
      sectionId: null,
      colour: note ? null : 'yellow',
      note: note ? `note ${i}` : '',
      contentVersion: 'v1',
      chapterHash: 'h',
      status: r() < 0.05 ? 'orphaned' : 'anchored',
      createdAt: Math.floor(r() * 1000),
      updatedAt: 1,
    };
  });
}

const order = (list: Annotation[]) => notebookGroups(list, manifest, { colours: new Set(), query: '' }).flatMap((g) => g.items.map((a) => a.id));

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(() => closePocketDb());

describe('the notebook’s first screen', () => {
  it('is always the true beginning of the notebook’s order, at least `limit` entries long unless notes come next', async () => {
    for (const [n, seed, limit] of [[300, 1, 40], [300, 2, 5], [60, 3, 40], [500, 4, 1], [200, 5, 100]] as const) {
      globalThis.indexedDB = new IDBFactory();
      await closePocketDb();
      const db = await openPocketDb();
      const all = annotations(n, seed);
      await putAnnotations(db, all);
      const head = await annotationsHead(db, CHAPTERS, limit);
      // The total is given only when the first screen holds everything (nothing is counted).
      expect(head.total).toBe(head.items.length === n ? n : null);
      const full = order(all);
      const first = order(head.items);
      expect(first).toEqual(full.slice(0, first.length));
      // Short (orphaned highlights are read but not listed) only where a chapter's notes, not in the position index, come next.
      if (head.items.length < Math.min(limit, n)) expect(all.find((a) => a.id === full[first.length])?.anchor).toBeNull();
      // And it reads a few records, not all.
      if (n >= 300 && limit <= 40) expect(head.items.length).toBeLessThan(n / 2);
    }
  });

  it('counts zero and shows nothing for an empty notebook; reads every chapter that fits whole', async () => {
    const db = await openPocketDb();
    expect(await annotationsHead(db, CHAPTERS, 40)).toEqual({ items: [], total: 0 });
    const few = annotations(12, 7);
    await putAnnotations(db, few);
    const head = await annotationsHead(db, CHAPTERS, 40);
    expect(new Set(head.items.map((a) => a.id))).toEqual(new Set(few.map((a) => a.id)));
    expect(head.total).toBe(12);
    // One in a chapter the guide no longer lists: the listed ones fit, but the total is not known.
    await putAnnotations(db, annotations(1, 9, ['retired-chapter']));
    expect((await annotationsHead(db, CHAPTERS, 40)).total).toBeNull();
  });

  it('reads no more than the screen needs, however long a chapter is', async () => {
    const db = await openPocketDb();
    const all = annotations(2000, 10, ['deploy']);
    await putAnnotations(db, all);
    const head = await annotationsHead(db, CHAPTERS, 40);
    expect(head.total).toBeNull();
    expect(head.items.length).toBeGreaterThanOrEqual(40);
    expect(head.items.length).toBeLessThan(400);
    const first = order(head.items);
    expect(first).toEqual(order(all).slice(0, first.length));
  });

  it('reads a long chapter’s first highlights exactly, with every tie at the last one and nothing past it', async () => {
    const db = await openPocketDb();
    // Positions 0, 1, 2…, five of them sharing position 9 (the tenth entry’s), then 10, 11…
    const all = annotations(100, 11, ['intro']).map((a, i) => {
      const start = i >= 9 && i < 14 ? 9 : i < 9 ? i : i - 4;
      return { ...a, status: 'anchored' as const, note: '', anchor: { quote: { type: 'TextQuoteSelector' as const, exact: 'q', prefix: '', suffix: '' }, position: { type: 'TextPositionSelector' as const, start, end: start + 5 } } };
    });
    await putAnnotations(db, all);
    const head = await annotationsHead(db, CHAPTERS, 10);
    expect(head.items.map((a) => a.anchor!.position.start).sort((x, y) => x - y)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 9, 9, 9, 9]);
    // More ties than the extra room read beside the first screen: still every one of them.
    const crowd = all.map((a, i) => (i < 40 ? { ...a, anchor: { ...a.anchor!, position: { ...a.anchor!.position, start: 3 } } } : a));
    await putAnnotations(db, crowd);
    const crowded = await annotationsHead(db, CHAPTERS, 10);
    expect(crowded.items.length).toBe(40);
    expect(new Set(crowded.items.map((a) => a.anchor!.position.start))).toEqual(new Set([3]));
  });

  it('knows the total when the one chapter it read whole (its notes after its highlights) is all there is', async () => {
    const db = await openPocketDb();
    const highlights = annotations(5, 12, ['intro']).map((a) => ({ ...a, status: 'anchored' as const, note: '', anchor: a.anchor ?? { quote: { type: 'TextQuoteSelector' as const, exact: 'q', prefix: '', suffix: '' }, position: { type: 'TextPositionSelector' as const, start: 1, end: 3 } } }));
    const notes = annotations(50, 13, ['intro']).map((a) => ({ ...a, anchor: null, colour: null, note: 'a note' }));
    await putAnnotations(db, [...highlights, ...notes]);
    const head = await annotationsHead(db, CHAPTERS, 40);
    expect(head.items).toHaveLength(55);
    expect(head.total).toBe(55);
  });

  it('reads everything in pages, each record once', async () => {
    const db = await openPocketDb();
    const all = annotations(53, 8);
    await putAnnotations(db, all);
    const read = await allAnnotations(db, 10);
    expect(read.map((a) => a.id).sort()).toEqual(all.map((a) => a.id).sort());
    expect((await allAnnotations(db, 53)).length).toBe(53);
  });
});
