import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { latest, minutesLeftLabel, progressLabel, tally } from '../../src/library/progress-label.ts';
import { changedSections, dwellNeeded, earnedRead, INTRO, isRead, MAX_DWELL_MS, MIN_DWELL_MS, sectionHashes, updatedSinceRead } from '../../src/reader/read-model.ts';
import { paneShown } from '../../src/reader/outline-pane.ts';
import type { ChapterMeta, ContentManifest, TreeNode } from '../../src/shared/content-types.ts';
import { closePocketDb, openPocketDb } from '../../src/storage/db.ts';
import { getProgress, knownProgress } from '../../src/storage/progress-repo.ts';
import { pageLeaving, recordSeen, saveProgress, saveProgressAtExit, setRead } from '../../src/storage/progress-writes.ts';
import type { ReadingProgress } from '../../src/storage/schema.ts';
import { onUserWrite, type UserWrite } from '../../src/storage/user-writes.ts';

const meta = (id: string, part: ChapterMeta['part'], minutes: number, sections: string[], hash = `h-${id}`): ChapterMeta => ({
  id, part, order: 1, title: id, summary: '', minutes, tags: [], hash, bytes: 1, cardCount: 0, words: minutes * 220,
  outline: sections.map((s) => ({ id: s, title: s, level: 2 as const })),
});
const rec = (chapterId: string, extra: Partial<ReadingProgress> = {}): ReadingProgress => ({ chapterId, anchorId: null, fraction: 0, maxFraction: 0, updatedAt: 1, ...extra });

describe('what "read" means', () => {
  it('scrolling to the end is not reading; seen sections or a mark are', () => {
    expect(isRead(rec('a', { maxFraction: 1, seen: [] }))).toBe(false);
    expect(isRead(rec('a', { maxFraction: 0.2, readAt: 5 }))).toBe(true);
    expect(isRead(rec('a', { maxFraction: 1, readAt: null }))).toBe(false);
    // A record from before reading was measured keeps the mark it had.
    expect(isRead(rec('a', { maxFraction: 0.98 }))).toBe(true);
  });
  it('needs nearly every section seen, each for a while proportional to its length', () => {
    const ten = Array.from({ length: 10 }, (_, i) => `s${i}`);
    expect(earnedRead(ten.slice(0, 8), ten)).toBe(false);
    expect(earnedRead(ten.slice(0, 9), ten)).toBe(true);
    expect(earnedRead([], [])).toBe(false);
    expect(dwellNeeded(10)).toBe(MIN_DWELL_MS);
    expect(dwellNeeded(100_000)).toBe(MAX_DWELL_MS);
    expect(dwellNeeded(440)).toBe(30_000); // 2 min of reading → a quarter, capped at 30 s
    expect(dwellNeeded(220)).toBe(15_000);
  });
});

describe('what changed since you read it', () => {
  const body = (third: string): TreeNode[] => [
    ['h1', null, 'T'], ['p', { id: 'intro-p1' }, 'Intro'],
    ['h2', { id: 'one' }, 'One'], ['p', { id: 'one-p1' }, 'Same text'],
    ['h2', { id: 'two' }, 'Two'], ['p', { id: 'two-p1' }, third],
  ];
  it('hashes each section and names exactly the ones that changed', () => {
    const before = sectionHashes(body('Old words'));
    expect(Object.keys(before)).toEqual([INTRO, 'one', 'two']);
    const after = sectionHashes(body('New words'));
    expect(changedSections(before, after)).toEqual(['two']);
    expect(changedSections(before, sectionHashes(body('Old words')))).toEqual([]);
    expect(changedSections(undefined, after)).toEqual([]);
  });
  it('is "updated" only for a chapter read against another hash', () => {
    expect(updatedSinceRead(rec('a', { readAt: 1, readHash: 'x' }), 'y')).toBe(true);
    expect(updatedSinceRead(rec('a', { readAt: 1, readHash: 'y' }), 'y')).toBe(false);
    expect(updatedSinceRead(rec('a', { readAt: null, readHash: 'x' }), 'y')).toBe(false);
  });
});

describe('the library tally', () => {
  const chapters = [meta('a', 'start', 10, ['s1', 's2']), meta('b', 'cases', 30, ['s1', 's2', 's3', 's4']), meta('g', 'glossary', 20, [])];
  const manifest: ContentManifest = { version: 'v', chapters };
  it('counts chapters read and minutes left from sections read', () => {
    const progress = new Map([
      ['a', rec('a', { readAt: 3, readHash: 'h-a' })],
      ['b', rec('b', { seen: ['s1'] })],
    ]);
    const t = tally(chapters, progress);
    expect(t).toMatchObject({ read: 1, total: 3, minutesLeft: Math.round(30 * 0.75 + 20) });
    expect(progressLabel(progress.get('b'), chapters[1])).toBe('25% read');
    expect(progressLabel(undefined, chapters[1])).toBe('Not started');
    expect(progressLabel(rec('a', { readAt: 3, readHash: 'old' }), chapters[0])).toBe('Updated since you read it');
    expect(tally(chapters, new Map([['a', rec('a', { readAt: 3, readHash: 'old' })]])).updated.map((c) => c.id)).toEqual(['a']);
  });
  it('never offers a reference page as "Continue reading"', () => {
    const list = [rec('a', { updatedAt: 5 }), rec('g', { updatedAt: 9 })];
    expect(latest(list, manifest)?.chapterId).toBe('a');
  });
  it('says minutes left in words', () => {
    expect(minutesLeftLabel(125)).toBe('2 h 5 min left');
    expect(minutesLeftLabel(40)).toBe('40 min left');
    expect(minutesLeftLabel(120)).toBe('2 h left');
    expect(minutesLeftLabel(0)).toBe('Nothing left to read');
  });
  it('hides the tablet outline pane by default in portrait only, and remembers a choice', () => {
    expect(paneShown(null, true)).toBe(false);
    expect(paneShown(null, false)).toBe(true);
    expect(paneShown('shown', true)).toBe(true);
    expect(paneShown('hidden', false)).toBe(false);
  });
});

describe('progress repository', () => {
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
  });
  afterEach(() => closePocketDb());
  it('keeps seen sections and the read mark when the position is saved, and announces each write', async () => {
    const writes: UserWrite[] = [];
    const off = onUserWrite((w) => writes.push(...w));
    const db = await openPocketDb();
    // Scrolled to the very end of a chapter never opened before: still not read.
    await saveProgress(db, 'z', null, 1, 5);
    expect(isRead(await getProgress(db, 'z'))).toBe(false);
    await recordSeen(db, 'a', ['s1'], null, 10);
    await recordSeen(db, 'a', ['s2'], { hash: 'h1', sections: { s1: 'x' } }, 20);
    await saveProgress(db, 'a', 's2-p1', 0.5, 30);
    let p = await getProgress(db, 'a');
    expect(p).toMatchObject({ seen: ['s1', 's2'], readAt: 20, readHash: 'h1', anchorId: 's2-p1', updatedAt: 30 });
    await setRead(db, 'a', null, 40);
    p = await getProgress(db, 'a');
    expect(p).toMatchObject({ readAt: null, seen: [], anchorId: 's2-p1' });
    expect(isRead(p)).toBe(false);
    await setRead(db, 'a', { hash: 'h2', sections: {} }, 50);
    expect(isRead(await getProgress(db, 'a'))).toBe(true);
    expect(writes.map((w) => w.store)).toEqual(Array(6).fill('progress'));
    off();
  });

  it('writes the position as the page goes in one request, on the version the page last read, keeping the sections seen', async () => {
    const db = await openPocketDb();
    // Not read by this page yet: it cannot write without dropping what another write kept.
    expect(saveProgressAtExit(db, 'exit-a', 'p1', 0.3, 5)).toBe(false);
    await recordSeen(db, 'exit-a', ['s1'], null, 10);
    expect(saveProgressAtExit(db, 'exit-a', 'p9', 0.7, 20)).toBe(true);
    // Committed without the page hearing back: a read in a later transaction already sees it.
    expect(await getProgress(db, 'exit-a')).toMatchObject({ anchorId: 'p9', fraction: 0.7, maxFraction: 0.7, seen: ['s1'], updatedAt: 20 });
    // A chapter this page read and found without a record: a new one.
    expect(await getProgress(db, 'exit-b')).toBeNull();
    expect(saveProgressAtExit(db, 'exit-b', 'q1', 0.1, 30)).toBe(true);
    expect(await getProgress(db, 'exit-b')).toMatchObject({ anchorId: 'q1', seen: [], readAt: null });
  });

  it('cancels a change still waiting for its read when the page goes, and writes it at once instead', async () => {
    const db = await openPocketDb();
    await recordSeen(db, 'exit-c', ['s1'], null, 10);
    // Their reads are in flight: in WebKit a page frozen now would hold the store with them.
    const saving = saveProgress(db, 'exit-c', 'p4', 0.4, 40);
    const seen = recordSeen(db, 'exit-c', ['s2'], null, 41);
    pageLeaving();
    // Both were written before the page could run again: nothing waits for their reads.
    expect(knownProgress('exit-c')).toMatchObject({ anchorId: 'p4', seen: ['s1', 's2'] });
    expect(await saving).toMatchObject({ anchorId: 'p4', fraction: 0.4, seen: ['s1'] });
    expect(await seen).toMatchObject({ anchorId: 'p4', seen: ['s1', 's2'] });
    expect(await getProgress(db, 'exit-c')).toMatchObject({ anchorId: 'p4', fraction: 0.4, seen: ['s1', 's2'], updatedAt: 40 });
  });
});
