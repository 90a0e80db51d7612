import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectData, readData } from '../../src/notebook/backup-data.ts';
import { mergeStudySettings, studySettingsFromJson } from '../../src/study/backup-settings.ts';
import { storedStudySettings, studySettings, updateStudySettings } from '../../src/study/study-settings.ts';
import { closePocketDb, openPocketDb } from '../../src/storage/db.ts';

const T0 = Date.UTC(2026, 11, 7, 9, 0, 0);

/** A fresh localStorage per "device" (Node has none). */
function newDevice(): void {
  const m = new Map<string, string>();
  globalThis.localStorage = {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, String(v)),
    removeItem: (k: string) => void m.delete(k),
    clear: () => m.clear(),
    key: (i: number) => [...m.keys()][i] ?? null,
    get length() {
      return m.size;
    },
  } as Storage;
  globalThis.indexedDB = new IDBFactory();
}

beforeEach(newDevice);
afterEach(() => closePocketDb());

describe('study settings in the JSON backup ("mlsd:data".studySettings)', () => {
  it('travels to another device: daily limits and desired retention arrive, a second import changes nothing', async () => {
    updateStudySettings({ newPerDay: 7, maxReviewsPerDay: 150, retention: 0.85 }, T0);
    const data = JSON.parse(JSON.stringify(await collectData())) as Record<string, unknown[]>;
    expect(data.studySettings).toEqual([{ newPerDay: 7, maxReviewsPerDay: 150, retention: 0.85, updatedAt: T0 }]);

    await closePocketDb();
    newDevice();
    updateStudySettings({ newPerDay: 20, maxReviewsPerDay: 200, retention: 0.9 }, T0 - 60_000);
    const read = await readData(data, T0 + 60_000);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(await read.apply()).toContain('0 new and 1 updated study settings');
    expect(studySettings.get()).toEqual({ newPerDay: 7, maxReviewsPerDay: 150, retention: 0.85 });
    expect(storedStudySettings()).toEqual({ newPerDay: 7, maxReviewsPerDay: 150, retention: 0.85, updatedAt: T0 });
    const again = await readData(data, T0 + 60_000);
    expect(again.ok && (await again.apply())).toEqual([]);
  });

  it('keeps settings changed here after the file was made, and exports nothing for never-changed defaults', async () => {
    expect((await collectData()).studySettings).toEqual([]);
    updateStudySettings({ newPerDay: 3 }, T0 + 10_000);
    const older = await readData({ studySettings: [{ newPerDay: 50, maxReviewsPerDay: 500, retention: 0.95, updatedAt: T0 }] }, T0 + 60_000);
    expect(older.ok && (await older.apply())).toEqual([]);
    expect(studySettings.get().newPerDay).toBe(3);
  });

  it('refuses a file whose settings are out of range or dated in the future, in plain words, and imports nothing', async () => {
    const card = { id: '6f1c3e2a-4d4e-4f8a-9b1c-2d3e4f5a6b70', question: 'Q?', answer: 'A.', highlightId: null, chapterId: 'evaluate', sectionId: null, createdAt: T0, updatedAt: T0 };
    const bad = await readData({ cards: [card], studySettings: [{ newPerDay: 20, maxReviewsPerDay: 200, retention: 1.5, updatedAt: T0 }] }, T0 + 60_000);
    expect(bad).toEqual({ ok: false, message: 'One of its study settings is damaged: the study settings ask for a desired retention of 1.5; it must be from 0.8 to 0.97 (80–97 %).' });
    const future = studySettingsFromJson({ newPerDay: 20, maxReviewsPerDay: 200, retention: 0.9, updatedAt: T0 + 86_400_000 }, T0);
    expect(future).toEqual({ ok: false, problem: 'the study settings are dated in the future' });
    expect(studySettingsFromJson({ newPerDay: 2.5, maxReviewsPerDay: 200, retention: 0.9, updatedAt: T0 }, T0)).toEqual({
      ok: false,
      problem: 'the study settings give 2.5 new cards a day; it must be a whole number from 0 to 9999',
    });
    const two = await readData({ studySettings: [{}, {}] }, T0);
    expect(two).toEqual({ ok: false, message: 'It has 2 study settings; a backup holds at most 1.' });
    expect(await (await openPocketDb()).count('cards')).toBe(0);
    expect(storedStudySettings()).toBeNull();
  });

  it('merges by date: the later change wins, ties keep ours', () => {
    const a = { newPerDay: 1, maxReviewsPerDay: 2, retention: 0.9, updatedAt: T0 };
    const b = { ...a, newPerDay: 9, updatedAt: T0 + 1 };
    expect(mergeStudySettings(a, b)).toEqual(b);
    expect(mergeStudySettings(b, a)).toBeNull();
    expect(mergeStudySettings(a, { ...a, newPerDay: 5 })).toBeNull();
    expect(mergeStudySettings(null, a)).toEqual(a);
    expect(mergeStudySettings(a, undefined)).toBeNull();
  });
});
