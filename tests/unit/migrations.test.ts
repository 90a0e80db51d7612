import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation } from '../../src/annotations/types.ts';
import { saveAnnotation, annotationsForChapter, getBackupInfo } from '../../src/storage/annotations-repo.ts';
import { getChapter, getInstalled, verifyInstalled } from '../../src/storage/content-repo.ts';
import { closePocketDb, openPocketDb } from '../../src/storage/db.ts';
import { allProgress } from '../../src/storage/progress-repo.ts';
import { DB_NAME, DB_VERSION } from '../../src/storage/schema.ts';

const v1 = JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/db/v1-records.json'), 'utf8')) as {
  chapters: object[];
  meta: object[];
  progress: object[];
};

/** Writes a database exactly as schema version 1 shipped it (stores, indexes, records). */
async function writeVersion1(): Promise<void> {
  const db = await openDB(DB_NAME, 1, {
    upgrade(d) {
      d.createObjectStore('chapters', { keyPath: 'id' });
      d.createObjectStore('meta', { keyPath: 'key' });
      d.createObjectStore('progress', { keyPath: 'chapterId' }).createIndex('by-updated', 'updatedAt');
    },
  });
  const tx = db.transaction(['chapters', 'meta', 'progress'], 'readwrite');
  for (const r of v1.chapters) await tx.objectStore('chapters').put(r);
  for (const r of v1.meta) await tx.objectStore('meta').put(r);
  for (const r of v1.progress) await tx.objectStore('progress').put(r);
  await tx.done;
  db.close();
}

/** Writes a database exactly as schema version 2 shipped it: v1's stores plus annotations, with records in each. */
async function writeVersion2(annotations: object[], backup: object): Promise<void> {
  const db = await openDB(DB_NAME, 2, {
    upgrade(d) {
      d.createObjectStore('chapters', { keyPath: 'id' });
      d.createObjectStore('meta', { keyPath: 'key' });
      d.createObjectStore('progress', { keyPath: 'chapterId' }).createIndex('by-updated', 'updatedAt');
      const a = d.createObjectStore('annotations', { keyPath: 'id' });
      a.createIndex('by-chapter', 'chapterId');
      a.createIndex('by-updated', 'updatedAt');
    },
  });
  const tx = db.transaction(['chapters', 'meta', 'progress', 'annotations'], 'readwrite');
  for (const r of v1.chapters) await tx.objectStore('chapters').put(r);
  for (const r of v1.meta) await tx.objectStore('meta').put(r);
  await tx.objectStore('meta').put(backup);
  for (const r of v1.progress) await tx.objectStore('progress').put(r);
  for (const r of annotations) await tx.objectStore('annotations').put(r);
  await tx.done;
  db.close();
}

/** Writes a database exactly as schema version 3 shipped it: v2's stores plus study, practice and search, with highlights and notes. */
async function writeVersion3(annotations: object[], backup: object): Promise<void> {
  const db = await openDB(DB_NAME, 3, {
    upgrade(d) {
      d.createObjectStore('chapters', { keyPath: 'id' });
      d.createObjectStore('meta', { keyPath: 'key' });
      d.createObjectStore('progress', { keyPath: 'chapterId' }).createIndex('by-updated', 'updatedAt');
      const a = d.createObjectStore('annotations', { keyPath: 'id' });
      a.createIndex('by-chapter', 'chapterId');
      a.createIndex('by-updated', 'updatedAt');
      const cards = d.createObjectStore('cards', { keyPath: 'id' });
      cards.createIndex('by-updated', 'updatedAt');
      cards.createIndex('by-highlight', 'highlightId');
      const reviews = d.createObjectStore('reviews', { keyPath: 'id' });
      reviews.createIndex('by-card', 'cardId');
      reviews.createIndex('by-time', 'reviewedAt');
      d.createObjectStore('schedule', { keyPath: 'cardId' }).createIndex('by-due', 'due');
      const attempts = d.createObjectStore('attempts', { keyPath: 'id' });
      attempts.createIndex('by-prompt', 'promptId');
      attempts.createIndex('by-updated', 'updatedAt');
      d.createObjectStore('searchIndex', { keyPath: 'version' });
    },
  });
  const tx = db.transaction(['chapters', 'meta', 'progress', 'annotations'], 'readwrite');
  for (const r of v1.chapters) await tx.objectStore('chapters').put(r);
  for (const r of v1.meta) await tx.objectStore('meta').put(r);
  await tx.objectStore('meta').put(backup);
  for (const r of v1.progress) await tx.objectStore('progress').put(r);
  for (const r of annotations) await tx.objectStore('annotations').put(r);
  await tx.done;
  db.close();
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(() => closePocketDb());

describe('schema migrations', () => {
  it('upgrades a version 1 database to the current version with no record lost', async () => {
    await writeVersion1();
    const db = await openPocketDb();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['annotations', 'attempts', 'cards', 'chapters', 'meta', 'progress', 'reviews', 'schedule', 'searchIndex']);
    expect((await getInstalled(db))?.manifest.version).toBe('4be1d0aa92c3');
    expect(await verifyInstalled(db)).toBe(true);
    expect((await getChapter(db, 'evaluate'))?.cards).toHaveLength(1);
    expect(await db.count('chapters')).toBe(v1.chapters.length);
    expect((await allProgress(db)).sort((a, b) => a.updatedAt - b.updatedAt)).toEqual(v1.progress);
  });

  it('gives the upgraded database working annotation stores', async () => {
    await writeVersion1();
    const db = await openPocketDb();
    const a: Annotation = {
      id: '0b6f1c3e-2a4d-4e5f-8a9b-1c2d3e4f5a6b',
      chapterId: 'evaluate',
      anchor: { quote: { type: 'TextQuoteSelector', exact: 'offline metric', prefix: 'Pair every ', suffix: ' with an online one.' }, position: { type: 'TextPositionSelector', start: 27, end: 41 } },
      sectionId: null,
      colour: 'yellow',
      note: '',
      contentVersion: '4be1d0aa92c3',
      chapterHash: '0a7d93b2c41e5f66',
      status: 'anchored',
      createdAt: 1,
      updatedAt: 1,
    };
    await saveAnnotation(db, a, null);
    expect(await annotationsForChapter(db, 'evaluate')).toEqual([a]);
    expect((await getBackupInfo(db)).changesSinceBackup).toBe(1);
  });

  it('opens a fresh database straight at the current version', async () => {
    const db = await openPocketDb();
    expect(db.version).toBe(DB_VERSION);
    expect(await getInstalled(db)).toBeNull();
  });

  it('upgrades a version 2 database to version 3 with every highlight, position and backup record kept', async () => {
    const annotations = [1, 2, 3].map((n) => ({
      id: `00000000-0000-4000-8000-00000000000${n}`,
      chapterId: 'evaluate',
      anchor: { quote: { type: 'TextQuoteSelector', exact: `quote ${n}`, prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: n, end: n + 7 } },
      sectionId: null,
      colour: 'green',
      note: `note ${n}`,
      contentVersion: '4be1d0aa92c3',
      chapterHash: '0a7d93b2c41e5f66',
      status: 'anchored',
      createdAt: n,
      updatedAt: n,
    }));
    const backup = { key: 'backup', lastBackupAt: 5, changesSinceBackup: 3 };
    await writeVersion2(annotations, backup);
    const db = await openPocketDb();
    expect(db.version).toBe(DB_VERSION);
    expect(await annotationsForChapter(db, 'evaluate')).toEqual(annotations);
    expect(await getBackupInfo(db)).toEqual(backup);
    expect(await verifyInstalled(db)).toBe(true);
    expect((await allProgress(db)).sort((a, b) => a.updatedAt - b.updatedAt)).toEqual(v1.progress);
    for (const store of ['cards', 'reviews', 'schedule', 'attempts', 'searchIndex'] as const) expect(await db.count(store)).toBe(0);
    // The new stores and their indexes work.
    const m = { state: 0, due: 100, stability: 0, difficulty: 0, reps: 0, lapses: 0, scheduledDays: 0, learningSteps: 0, lastReview: null } as const;
    await db.put('reviews', { id: 'r1', cardId: 'evaluate:abc', grade: 3, reviewedAt: 10, elapsedDays: 0, before: m, after: m });
    await db.put('schedule', { cardId: 'evaluate:abc', chapterId: 'evaluate', question: 'q', ...m });
    expect(await db.getAllFromIndex('reviews', 'by-card', 'evaluate:abc')).toHaveLength(1);
    expect(await db.countFromIndex('schedule', 'by-due', IDBKeyRange.upperBound(100))).toBe(1);
  });

  it('upgrades a version 3 database to version 4: every highlight and note kept, highlights findable by chapter and position', async () => {
    const highlight = (n: number, chapterId: string, start: number) => ({
      id: `00000000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`,
      chapterId,
      anchor: { quote: { type: 'TextQuoteSelector', exact: `quote ${n}`, prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start, end: start + 7 } },
      sectionId: null, colour: 'blue', note: '', contentVersion: '4be1d0aa92c3', chapterHash: '0a7d93b2c41e5f66', status: 'anchored', createdAt: n, updatedAt: n,
    });
    const note = { ...highlight(9, 'evaluate', 0), anchor: null, colour: null, note: 'a note on the whole chapter' };
    const annotations = [highlight(1, 'evaluate', 300), highlight(2, 'evaluate', 20), highlight(3, 'deploy', 5), highlight(4, 'evaluate', 120), note];
    const backup = { key: 'backup', lastBackupAt: null, changesSinceBackup: 5 };
    await writeVersion3(annotations, backup);
    const db = await openPocketDb();
    expect(db.version).toBe(4);
    expect(await db.count('annotations')).toBe(5);
    expect(await db.get('annotations', note.id)).toEqual(note);
    expect(await getBackupInfo(db)).toEqual(backup);
    expect(await verifyInstalled(db)).toBe(true);
    const evaluate = IDBKeyRange.bound(['evaluate', -Infinity], ['evaluate', Infinity]);
    expect((await db.getAllFromIndex('annotations', 'by-position', evaluate)).map((a) => a.anchor?.position.start)).toEqual([20, 120, 300]);
    expect((await db.getAllFromIndex('annotations', 'by-position', evaluate, 2)).map((a) => a.id)).toEqual([annotations[1]!.id, annotations[3]!.id]);
  });
});
