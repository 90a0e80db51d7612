import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectData, readData } from '../../src/notebook/backup-data.ts';
import { grade, NEW_MEMORY } from '../../src/study/scheduler.ts';
import type { UserCard } from '../../src/study/types.ts';
import { closePocketDb, openPocketDb } from '../../src/storage/db.ts';
import { allReviews, allSchedules, allUserCards, putUserCards, recordGrade } from '../../src/storage/study-repo.ts';

const T0 = Date.UTC(2026, 11, 7, 9, 0, 0);
const card: UserCard = { id: '6f1c3e2a-4d4e-4f8a-9b1c-2d3e4f5a6b70', question: 'Why **NDCG**?', answer: 'Graded relevance.', highlightId: 'h1', chapterId: 'evaluate', sectionId: null, createdAt: T0, updatedAt: T0 };

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(() => closePocketDb());

async function seed(): Promise<void> {
  const db = await openPocketDb();
  await putUserCards(db, [card]);
  const e1 = grade(card.id, NEW_MEMORY(T0), 3, T0, 0.9, 'r1');
  await recordGrade(db, e1, { cardId: card.id, chapterId: 'evaluate', question: card.question, ...e1.after });
  const e2 = grade('evaluate:0123456789', NEW_MEMORY(T0), 4, T0 + 1000, 0.9, 'r2');
  await recordGrade(db, e2, { cardId: e2.cardId, chapterId: 'evaluate', question: 'guide q', ...e2.after });
}

describe('study records in the JSON backup ("mlsd:data")', () => {
  it('exports cards and the whole review log, and imports them into an empty device with schedules recomputed', async () => {
    await seed();
    const data = JSON.parse(JSON.stringify(await collectData())) as Record<string, unknown[]>;
    expect(data.cards).toHaveLength(1);
    expect(data.reviews).toHaveLength(2);
    const before = { cards: await allUserCards(await openPocketDb()), reviews: await allReviews(await openPocketDb()), schedules: await allSchedules(await openPocketDb()) };

    await closePocketDb();
    globalThis.indexedDB = new IDBFactory();
    const read = await readData(data, T0 + 60_000);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const said = await read.apply();
    expect(said).toContain('1 new and 0 updated card');
    expect(said).toContain('2 new and 0 updated reviews');
    const db = await openPocketDb();
    expect(await allUserCards(db)).toEqual(before.cards);
    expect((await allReviews(db)).sort((a, b) => a.id.localeCompare(b.id))).toEqual(before.reviews.sort((a, b) => a.id.localeCompare(b.id)));
    const strip = (list: typeof before.schedules) => list.map(({ question: _q, ...s }) => s).sort((a, b) => a.cardId.localeCompare(b.cardId));
    expect(strip(await allSchedules(db))).toEqual(strip(before.schedules));
    // A second import of the same file adds nothing.
    const again = await readData(data, T0 + 60_000);
    expect(again.ok && (await again.apply())).toEqual([]);
  });

  it('refuses the whole file when one review has an impossible grade or a future date, and writes nothing', async () => {
    await seed();
    const data = JSON.parse(JSON.stringify(await collectData())) as { cards: object[]; reviews: Record<string, unknown>[] };
    await closePocketDb();
    globalThis.indexedDB = new IDBFactory();
    const badGrade = await readData({ ...data, reviews: [data.reviews[0], { ...data.reviews[1], grade: 0 }] }, T0 + 60_000);
    expect(badGrade).toEqual({ ok: false, message: 'One of its reviews is damaged: review r2: its grade is 0; a grade is 1 (Again) to 4 (Easy).' });
    const future = await readData({ ...data, reviews: [{ ...data.reviews[0], reviewedAt: T0 + 86_400_000 }] }, T0 + 60_000);
    expect(future.ok).toBe(false);
    expect(future.ok ? '' : future.message).toContain('in the future');
    const db = await openPocketDb();
    expect(await db.count('reviews')).toBe(0);
    expect(await db.count('cards')).toBe(0);
  });
});
