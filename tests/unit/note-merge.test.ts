import { afterEach, describe, expect, it } from 'vitest';
import { mergeText, resolveConflict } from '../../src/annotations/conflict.ts';
import type { Annotation } from '../../src/annotations/types.ts';
import { getAnnotation, saveAnnotation } from '../../src/storage/annotations-repo.ts';
import { closePocketDb, openPocketDb } from '../../src/storage/db.ts';

const ann = (note: string, updatedAt: number): Annotation => ({
  id: '0b6f3c1e-7a51-4a8e-9d3b-2f1c5e8a9b01', chapterId: 'evaluate', anchor: null, sectionId: null, colour: 'yellow', note,
  contentVersion: 'v1', chapterHash: 'h1', status: 'anchored', createdAt: 1, updatedAt,
});
const words = (s: string) => s.split(/\s+/).filter(Boolean);

describe('three-way merge of one note edited in two tabs', () => {
  it('applies separate edits from both sides', () => {
    const base = 'Latency budget: 100 ms.\nRecall first, then ranking.';
    const theirs = 'Latency budget: 100 ms p99.\nRecall first, then ranking.';
    const mine = 'Latency budget: 100 ms.\nRecall first, then ranking, then re-ranking.';
    expect(mergeText(base, theirs, mine)).toBe('Latency budget: 100 ms p99.\nRecall first, then ranking, then re-ranking.');
  });

  it('keeps both when both typed at the same place, every word of either', () => {
    const merged = mergeText('Notes:', 'Notes: alpha beta gamma', 'Notes: one two three');
    for (const w of [...words('alpha beta gamma'), ...words('one two three')]) expect(words(merged)).toContain(w);
    expect(merged.startsWith('Notes:')).toBe(true);
  });

  it('returns one side when the other did not change', () => {
    expect(mergeText('a b', 'a b', 'a b c')).toBe('a b c');
    expect(mergeText('a b', 'a b c', 'a b')).toBe('a b c');
  });

  it('takes the newer colour and a later timestamp', () => {
    const base = ann('x', 10);
    const r = resolveConflict({ ...ann('x y', 20), colour: 'green' }, { ...ann('w x', 25), colour: 'pink' }, base);
    expect(r.note).toBe('w x y');
    expect(r.colour).toBe('pink');
    expect(r.updatedAt).toBe(26);
  });
});

describe('the repository merges from the base the edit started from (two tabs, one database)', () => {
  afterEach(async () => {
    const db = await openPocketDb();
    await db.clear('annotations');
    await closePocketDb();
  });

  it('does not overwrite the other tab when memory was refreshed to its version before this tab saved', async () => {
    const db = await openPocketDb();
    const start = ann('Shared start.', 10);
    await saveAnnotation(db, start, null);
    // Tab B types and saves; tab A's memory is refreshed to B's version by the broadcast,
    // but A's editor text grew from `start`.
    const fromB = ann('Shared start. Words from tab B.', 20);
    await saveAnnotation(db, fromB, start);
    const fromA = { ...fromB, note: 'Words from tab A. Shared start.', updatedAt: 21 };
    const outcome = await saveAnnotation(db, fromA, start);
    expect(outcome.kind).toBe('merged');
    const stored = await getAnnotation(db, start.id);
    for (const w of words('Words from tab A. Shared start. Words from tab B.')) expect(words(stored!.note)).toContain(w);
    expect(stored!.note).toBe('Words from tab A. Shared start. Words from tab B.');
  });

  it('writes as is when nothing changed since the base', async () => {
    const db = await openPocketDb();
    const start = ann('One.', 10);
    await saveAnnotation(db, start, null);
    const next = ann('One. Two.', 11);
    expect((await saveAnnotation(db, next, start)).kind).toBe('saved');
    expect((await getAnnotation(db, start.id))?.note).toBe('One. Two.');
  });
});
