import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ankiField, ankiGuid, toAnkiText, toCardsCsv, type ExportCard } from '../../src/study/anki-export.ts';
import { cardsToCsvRows } from '../../src/study/cards-csv.ts';
import { cardsToMarkdown } from '../../src/study/cards-markdown.ts';
import { cardFromJson, cardsSection, mergeReviews, reviewFromJson, reviewsSection } from '../../src/study/backup-study.ts';
import { recomputeSchedules } from '../../src/study/recompute.ts';
import { grade, NEW_MEMORY } from '../../src/study/scheduler.ts';
import { treeToHtml } from '../../src/study/tree-html.ts';
import type { CardSchedule, ReviewLogEntry, UserCard } from '../../src/study/types.ts';
import { closePocketDb, openPocketDb } from '../../src/storage/db.ts';
import { countDue } from '../../src/storage/due-count.ts';
import { allReviews, allSchedules, putStudyImport, putUserCards, recordGrade, reviewsOfCard, undoGrade } from '../../src/storage/study-repo.ts';
import { onUserWrite } from '../../src/storage/user-writes.ts';
import { readChapterCounts, readStudyStats } from '../../src/study/study-store.ts';
import { highlightGone, myCards } from '../../src/study/user-cards.ts';
import type { ChapterPayload, ContentManifest } from '../../src/shared/content-types.ts';

const T0 = Date.UTC(2026, 11, 7, 9, 0, 0);
const DAY = 86_400_000;
const sched = (e: ReviewLogEntry): CardSchedule => ({ cardId: e.cardId, chapterId: e.cardId.split(':')[0] ?? null, question: 'q', ...e.after });

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(() => closePocketDb());

describe('what the study screens read (study-store, user-cards)', () => {
  const card = (id: string, chapterId: string, extra: Partial<UserCard> = {}): UserCard => ({ id, question: 'q', answer: 'a', highlightId: null, chapterId, sectionId: null, createdAt: T0, updatedAt: T0, ...extra });
  it('counts the guide\'s cards and the reader\'s live ones, per chapter and in the statistics', async () => {
    const db = await openPocketDb();
    await putUserCards(db, [card('u1', 'evaluate'), card('u2', 'evaluate', { deleted: true }), card('u3', 'other', { createdAt: T0 + 5 })]);
    const e = grade('evaluate:a', NEW_MEMORY(T0), 3, T0, 0.9, 'e1');
    await recordGrade(db, e, sched(e));
    const manifest = { chapters: [{ id: 'evaluate', cardCount: 2 }, { id: 'other', cardCount: 3 }] } as unknown as ContentManifest;
    const stats = await readStudyStats(manifest, 7, T0 + 60_000);
    expect(stats.totalReviews).toBe(1);
    // 5 guide cards + 2 live cards of the reader's; one was learned.
    expect(stats.byState.new + stats.byState.learning + stats.byState.review + stats.byState.relearning).toBe(7);
    const chapter = { id: 'evaluate', cards: [{ id: 'evaluate:a' }, { id: 'evaluate:b' }] } as unknown as ChapterPayload;
    expect(await readChapterCounts(chapter, T0 + 60_000)).toMatchObject({ total: 3, new: 2 });
    expect((await myCards()).map((c) => c.id)).toEqual(['u3', 'u1']);
    expect(await highlightGone('no-such-highlight')).toBe(true);
  });
});

describe('study repository', () => {
  it('writes a grade and its schedule together, announces it, and never counts the same grade twice', async () => {
    const db = await openPocketDb();
    const seen: string[] = [];
    const stop = onUserWrite((w) => w.forEach((x) => seen.push(`${x.store}:${x.key}`)));
    const e = grade('evaluate:a', NEW_MEMORY(T0), 3, T0, 0.9, 'e1');
    expect(await recordGrade(db, e, sched(e))).toBe('saved');
    expect(await recordGrade(db, e, sched(e))).toBe('duplicate'); // a retry of the same grade
    stop();
    expect(seen).toEqual(['reviews:e1']);
    expect(await allReviews(db)).toHaveLength(1);
    expect((await allSchedules(db))[0]!.state).toBe(1);
  });

  it('two tabs grading the same showing of a card: the second is refused, nothing double-counted or lost', async () => {
    const db = await openPocketDb();
    const tabA = grade('evaluate:a', NEW_MEMORY(T0), 3, T0, 0.9, 'a');
    const tabB = grade('evaluate:a', NEW_MEMORY(T0), 1, T0 + 5, 0.9, 'b');
    const [ra, rb] = await Promise.all([recordGrade(db, tabA, sched(tabA)), recordGrade(db, tabB, sched(tabB))]);
    expect([ra, rb].sort()).toEqual(['saved', 'stale']);
    expect(await reviewsOfCard(db, 'evaluate:a')).toHaveLength(1);
    // Tab B, having reloaded, grades from the stored state: accepted.
    const stored = (await allSchedules(db))[0]!;
    const next = grade('evaluate:a', stored, 3, T0 + 11 * 60_000, 0.9, 'c');
    expect(await recordGrade(db, next, sched(next))).toBe('saved');
    expect(await reviewsOfCard(db, 'evaluate:a')).toHaveLength(2);
  });

  it('undo keeps the entry (marked undone) and restores the card', async () => {
    const db = await openPocketDb();
    const e = grade('evaluate:a', NEW_MEMORY(T0), 4, T0, 0.9, 'e1');
    await recordGrade(db, e, sched(e));
    const restored: CardSchedule = { cardId: e.cardId, chapterId: 'evaluate', question: 'q', ...e.before };
    expect(await undoGrade(db, e, restored)).toBe('saved');
    expect(await undoGrade(db, e, restored)).toBe('duplicate');
    expect((await allReviews(db))[0]!.undone).toBe(true);
    expect((await allSchedules(db))[0]!.state).toBe(0);
  });

  it('counts what the top bar shows: due reviews, learning within 20 minutes, and new cards within the daily limit', async () => {
    const db = await openPocketDb();
    const e1 = grade('c:a', NEW_MEMORY(T0 - 5 * DAY), 4, T0 - 5 * DAY, 0.9, 'old'); // review, due in days
    const e2 = grade('c:b', NEW_MEMORY(T0), 3, T0, 0.9, 'today'); // learning, due in 10 min
    await recordGrade(db, e1, { ...sched(e1), due: T0 - 1 }); // overdue
    await recordGrade(db, e2, sched(e2));
    await putUserCards(db, [{ id: 'u1', question: 'q', answer: 'a', highlightId: null, chapterId: 'c', sectionId: null, createdAt: T0, updatedAt: T0 }]);
    const q = { guideCards: 30, newPerDay: 20, maxReviewsPerDay: 200, now: T0, dayStart: T0 - 9 * 3600_000, dayEnd: T0 + 15 * 3600_000 };
    // 1 overdue review + 1 learning card due within 20 min + min(31 − 2 graded, 20 − 1 introduced today).
    expect(await countDue(db, q)).toBe(1 + 1 + 19);
    expect(await countDue(db, { ...q, newPerDay: 0, maxReviewsPerDay: 0 })).toBe(1);
  });
});

describe('backup sections: cards and review logs', () => {
  const card: UserCard = { id: '6f1c3e2a-4d4e-4f8a-9b1c-2d3e4f5a6b70', question: 'Why **NDCG**?', answer: 'Graded relevance,\tposition-discounted.', highlightId: 'h1', chapterId: 'evaluate', sectionId: 'offline-metrics', createdAt: T0, updatedAt: T0 };
  const log = [grade(card.id, NEW_MEMORY(T0), 3, T0, 0.9, 'r1')];
  log.push(grade(card.id, log[0]!.after, 3, T0 + 10 * 60_000, 0.9, 'r2'));
  log.push({ ...grade('gone-chapter:abc', NEW_MEMORY(T0), 4, T0, 0.9, 'r3'), undone: true });

  it('round-trips cards and logs losslessly through JSON', () => {
    const json = JSON.parse(JSON.stringify({ cards: [card].map(cardsSection.toJson), reviews: log.map(reviewsSection.toJson) })) as { cards: unknown[]; reviews: unknown[] };
    const cards = json.cards.map((c) => cardsSection.fromJson(c, T0 + DAY));
    const reviews = json.reviews.map((r) => reviewsSection.fromJson(r, T0 + DAY));
    expect(cards).toEqual([{ ok: true, record: card }]);
    expect(reviews.map((r) => (r.ok ? r.record : r.problem))).toEqual(log);
  });

  it('keeps reviews of unknown cards, and recomputes a card from the merged log', async () => {
    const db = await openPocketDb();
    const merged = mergeReviews(new Map(), log);
    expect(merged).toHaveLength(3);
    const schedules = recomputeSchedules(new Set(merged.map((e) => e.cardId)), merged, new Map(), new Map([[card.id, card]]), 0.9);
    await putStudyImport(db, [card], merged, schedules);
    expect(await allReviews(db)).toHaveLength(3);
    const s = (await allSchedules(db)).find((x) => x.cardId === card.id)!;
    expect({ ...s }).toMatchObject({ chapterId: 'evaluate', ...log[1]!.after });
    expect((await allSchedules(db)).find((x) => x.cardId === 'gone-chapter:abc')!.state).toBe(0); // only an undone grade
    // Importing the same file again adds nothing; an undo made elsewhere merges in.
    expect(mergeReviews(new Map(merged.map((e) => [e.id, e])), log)).toEqual([]);
    expect(mergeReviews(new Map(merged.map((e) => [e.id, e])), [{ ...log[1]!, undone: true }])).toEqual([{ ...log[1]!, undone: true }]);
  });

  it('refuses an impossible grade or a date in the future, saying which review', () => {
    const bad = { ...log[0]!, grade: 7 };
    expect(reviewFromJson(bad, T0 + DAY)).toEqual({ ok: false, problem: 'review r1: its grade is 7; a grade is 1 (Again) to 4 (Easy)' });
    const future = { ...log[0]!, reviewedAt: T0 + 3 * DAY };
    expect(reviewFromJson(future, T0)).toEqual({ ok: false, problem: 'review r1 is dated 2026-12-10 09:00, in the future' });
    expect(reviewFromJson({ ...log[0]!, before: { state: 9 } }, T0 + DAY).ok).toBe(false);
    expect(cardFromJson({ ...card, question: '  ' }, T0 + DAY)).toEqual({ ok: false, problem: `card ${card.id} has no question` });
  });
});

describe('the Anki file', () => {
  const rows: ExportCard[] = [
    { id: 'evaluate:0a1b2c3d4e', chapterId: 'evaluate', chapterTitle: 'Evaluate', sectionId: 'offline', questionHtml: 'Why <em>NDCG</em>?', answerHtml: 'Line one\nline two\twith a tab and "quotes"', questionText: 'Why NDCG?', answerText: 'x', mine: false },
    { id: 'u-1', chapterId: null, chapterTitle: '', sectionId: null, questionHtml: '<p>=1+1</p>', answerHtml: '<p>a</p>', questionText: '=1+1', answerText: 'a, b', mine: true },
  ];
  it('has the headers Anki 2.1.55+ reads, one Basic note per card, no tab or newline inside a field', () => {
    const text = toAnkiText(rows);
    const lines = text.split('\n');
    expect(lines.slice(0, 6)).toEqual(['#separator:tab', '#html:true', '#guid column:1', '#notetype column:2', '#deck column:3', '#tags column:4']);
    expect(lines[6]!.split('\t')).toEqual([
      'mlsd-pocket:evaluate:0a1b2c3d4e',
      'Basic',
      'MLSD Pocket::Evaluate',
      'mlsd-pocket evaluate',
      'Why <em>NDCG</em>?',
      'Line one<br>line two&#9;with a tab and &quot;quotes&quot;',
    ]);
    expect(lines[7]!.split('\t').slice(0, 4)).toEqual(['mlsd-pocket:u-1', 'Basic', 'MLSD Pocket', 'mlsd-pocket my-card']);
    expect(lines).toHaveLength(9); // 6 headers, 2 notes, a final newline
    expect(ankiField('a\r\nb')).toBe('a<br>b');
  });
  it('gives each card a guid that does not change between exports', () => {
    expect(ankiGuid('evaluate:0a1b2c3d4e')).toBe(toAnkiText(rows).split('\n')[6]!.split('\t')[0]);
    expect(toAnkiText(rows)).toBe(toAnkiText(rows.map((r) => ({ ...r }))));
  });
  it('writes guide HTML from the element tree with only safe tags and escaped text', () => {
    expect(treeToHtml(['a < b & ', ['strong', null, 'c'], ['a', { href: 'javascript:alert(1)' }, 'x'], ['img', { src: 'x' }], ['a', { href: 'https://example.com/?a="b"' }, 'y']])).toBe(
      'a &lt; b &amp; <strong>c</strong><a>x</a><a href="https://example.com/?a=&quot;b&quot;">y</a>',
    );
  });
  it('writes CSV with formula-safe, quoted cells', () => {
    const csv = toCardsCsv(rows);
    expect(csv.split('\r\n')[0]).toBe('id,chapter,chapter_title,section,question,answer,mine');
    expect(csv).toContain(`'=1+1,"a, b",yes`);
  });
});

describe('the Markdown export', () => {
  it('adds the reader’s cards (not deleted ones) under "My cards", with their chapter', () => {
    const manifest = { version: 'v', chapters: [{ id: 'evaluate', title: 'Evaluate' }] } as unknown as Parameters<typeof cardsToMarkdown>[1];
    const base = { highlightId: null, sectionId: null, createdAt: T0, updatedAt: T0 };
    const md = cardsToMarkdown(
      [
        { ...base, id: 'a', question: 'Why **NDCG**?', answer: 'Graded relevance.', chapterId: 'evaluate' },
        { ...base, id: 'b', question: 'Gone?', answer: 'Yes.', chapterId: null, deleted: true },
      ],
      manifest,
    );
    expect(md).toBe('\n## My cards\n\n**Q:** Why **NDCG**?\n\n**A:** Graded relevance.\n\n*Evaluate*\n');
    expect(cardsToMarkdown([], manifest)).toBe('');
  });
});

describe('the CSV export', () => {
  it('adds the reader’s cards (not deleted ones) after the highlights, in the same columns, with status "card"', () => {
    const manifest = { version: 'v', chapters: [{ id: 'evaluate', title: 'Evaluate, offline', outline: [{ id: 'metrics', title: 'Metrics', level: 2 }] }] } as unknown as Parameters<typeof cardsToCsvRows>[1];
    const base = { highlightId: null, createdAt: T0, updatedAt: T0 + 1000 };
    const csv = cardsToCsvRows(
      [
        { ...base, id: 'b', question: '=Why, "NDCG"?', answer: 'Graded\nrelevance.', chapterId: 'evaluate', sectionId: 'metrics', createdAt: T0 + 5 },
        { ...base, id: 'a', question: 'First?', answer: 'Yes.', chapterId: null, sectionId: null },
        { ...base, id: 'c', question: 'Gone?', answer: 'Yes.', chapterId: null, sectionId: null, deleted: true },
      ],
      manifest,
    );
    const iso = (t: number) => new Date(t).toISOString();
    expect(csv).toBe(
      `a,,,,,Yes.,First?,card,${iso(T0)},${iso(T0 + 1000)}\r\n` +
        `b,evaluate,"Evaluate, offline",Metrics,,"Graded\nrelevance.","'=Why, ""NDCG""?",card,${iso(T0 + 5)},${iso(T0 + 1000)}\r\n`,
    );
    expect(cardsToCsvRows([], manifest)).toBe('');
  });
});
