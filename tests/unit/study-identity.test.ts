import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Card, ChapterPayload, ContentManifest } from '../../src/shared/content-types.ts';
import { parseDeck } from '../../src/study/deck.ts';
import { buildQueue } from '../../src/study/queue.ts';
import { grade, NEW_MEMORY } from '../../src/study/scheduler.ts';
import { DEFAULT_STUDY } from '../../src/study/settings-model.ts';
import { loadStudyData } from '../../src/study/study-data.ts';
import { commitContent } from '../../src/storage/content-repo.ts';
import { closePocketDb, openPocketDb } from '../../src/storage/db.ts';
import { allSchedules, recordGrade, reviewsOfCard } from '../../src/storage/study-repo.ts';

const T0 = Date.UTC(2026, 11, 7, 9, 0, 0);
const card = (id: string, q: string, a: string): Card => ({ id: `ch:${id}`, chapterId: 'ch', sectionId: 'intro', question: [q], answer: [a] });

function guide(version: string, cards: Card[]): { manifest: ContentManifest; payloads: ChapterPayload[] } {
  const hash = `h-${version}`;
  const payload: ChapterPayload = { id: 'ch', hash, title: 'Chapter', body: [['h1', null, 'Chapter']], cards };
  const manifest: ContentManifest = {
    version,
    chapters: [{ id: 'ch', part: 'cases', order: 1, title: 'Chapter', summary: 'S.', minutes: 1, tags: [], outline: [], hash, bytes: 1, cardCount: cards.length, words: 1 }],
  };
  return { manifest, payloads: [payload] };
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(() => closePocketDb());

describe('card identity across a content update (stored guide, real repositories)', () => {
  it('keeps the schedule of a surviving card, retires a removed one, and gives a changed question a new card with the old history kept', async () => {
    const db = await openPocketDb();
    const v1 = guide('v1', [card('aaa', 'What is recall?', 'Share found.'), card('bbb', 'What is NDCG?', 'Graded.'), card('ccc', 'Why calibrate?', 'Auctions.')]);
    await commitContent(db, v1.manifest, v1.payloads, [], T0);
    const d1 = await loadStudyData(v1.manifest, T0);
    expect(d1.cards.map((c) => c.id)).toEqual(['ch:aaa', 'ch:bbb', 'ch:ccc']);
    for (const c of d1.cards) {
      const e = grade(c.id, NEW_MEMORY(T0), 4, T0, 0.9, `g-${c.id}`);
      await recordGrade(db, e, { cardId: c.id, chapterId: 'ch', question: c.questionText, ...e.after });
    }
    const before = new Map((await allSchedules(db)).map((s) => [s.cardId, s]));

    // v2: aaa's answer is edited (same id), bbb is removed, ccc's question is reworded (a new id, ddd).
    const v2 = guide('v2', [card('aaa', 'What is recall?', 'The share of relevant items found.'), card('ddd', 'Why calibrate scores?', 'Auctions.')]);
    await commitContent(db, v2.manifest, v2.payloads, [], T0 + 1000);
    const d2 = await loadStudyData(v2.manifest, T0 + 2000);
    expect(d2.cards.map((c) => c.id)).toEqual(['ch:aaa', 'ch:ddd']);
    const after = new Map((await allSchedules(db)).map((s) => [s.cardId, s]));
    expect(after.get('ch:aaa')).toEqual(before.get('ch:aaa'));
    expect(after.get('ch:bbb')?.retired).toBe(true);
    expect(after.get('ch:ccc')?.retired).toBe(true);
    expect(after.get('ch:ccc')?.question).toBe('Why calibrate?'); // a retired card can still be named
    expect(await reviewsOfCard(db, 'ch:ccc')).toHaveLength(1);
    const q = buildQueue({ cards: d2.cards, schedules: d2.schedules, todayLog: d2.todayLog, deck: parseDeck('all'), settings: DEFAULT_STUDY, now: T0 + 2000, tzOffsetMin: 0 });
    expect(q.ids).toEqual(['ch:ddd']); // aaa keeps its schedule (due in days); ddd is new
    expect(d2.byId.get('ch:aaa')?.kind === 'guide' && d2.byId.get('ch:aaa')?.answer).toEqual(['The share of relevant items found.']);

    // The card index is a cache of the installed version: it is rebuilt, never trusted across versions.
    const index = await db.get('meta', 'study-cards');
    expect(index?.key === 'study-cards' && index.version).toBe('v2');
  });
});
