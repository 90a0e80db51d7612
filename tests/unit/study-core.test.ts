import { createEmptyCard, fsrs, Rating } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { parseCards } from '../../src/content/build/cards.ts';
import { startOfDay } from '../../src/study/day.ts';
import { parseDeck, reviewHref } from '../../src/study/deck.ts';
import { reconcile } from '../../src/study/identity.ts';
import { buildQueue, forecast, usedToday } from '../../src/study/queue.ts';
import { formatInterval, grade, NEW_MEMORY, preview, replay } from '../../src/study/scheduler.ts';
import { DEFAULT_STUDY, parseStudySettings } from '../../src/study/settings-model.ts';
import { studyStats } from '../../src/study/stats.ts';
import type { CardSchedule, Grade, ReviewLogEntry } from '../../src/study/types.ts';

const T0 = Date.UTC(2026, 11, 7, 9, 0, 0);
const MIN = 60_000;
const DAY = 86_400_000;
const sched = (cardId: string, e: ReviewLogEntry): CardSchedule => ({ cardId, chapterId: 'c', question: cardId, ...e.after });

describe('scheduling wrapper over ts-fsrs', () => {
  it('gives each grade of a new card the interval ts-fsrs gives, at retention 0.90', () => {
    const f = fsrs({ request_retention: 0.9, enable_fuzz: false });
    const ref = f.repeat(createEmptyCard(new Date(T0)), new Date(T0));
    const ours = preview(NEW_MEMORY(T0), T0, 0.9);
    for (const g of [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy] as const) {
      expect(ours[g as Grade]).toBe(ref[g].card.due.getTime() - T0);
      expect(grade('x', NEW_MEMORY(T0), g as Grade, T0, 0.9, 'id').after.due).toBe(ref[g].card.due.getTime());
    }
    // Anki's defaults: learning steps 1 min and 10 min; Easy graduates to days.
    expect(formatInterval(ours[1])).toBe('1 min');
    expect(formatInterval(ours[3])).toBe('10 min');
    expect(ours[4]).toBeGreaterThanOrEqual(DAY);
  });

  it('lengthens intervals when the desired retention is lower', () => {
    let m = NEW_MEMORY(T0);
    let t = T0;
    for (let i = 0; i < 3; i++) {
      m = grade('x', m, 3, t, 0.9, `g${i}`).after;
      t = m.due;
    }
    expect(preview(m, t, 0.8)[3]).toBeGreaterThan(preview(m, t, 0.97)[3]);
  });

  it('recomputing a card from its log gives the same state as grading it live', () => {
    const grades: Grade[] = [3, 3, 1, 2, 3, 4, 3];
    let m = NEW_MEMORY(T0);
    let t = T0;
    const log: ReviewLogEntry[] = [];
    grades.forEach((g, i) => {
      const e = grade('card', m, g, t, 0.9, `e${i}`);
      log.push(e);
      m = e.after;
      t = m.due + 3 * 3600_000;
    });
    // An undone grade does not count.
    log.push({ ...grade('card', m, 1, t, 0.9, 'undone'), undone: true });
    expect(replay([...log].reverse(), 0.9)).toEqual(m);
    expect(replay([], 0.9)).toBeNull();
  });

  it('formats intervals the way the grade buttons show them', () => {
    expect(formatInterval(10 * MIN)).toBe('10 min');
    expect(formatInterval(5 * 3600_000)).toBe('5 h');
    expect(formatInterval(3 * DAY)).toBe('3 d');
    expect(formatInterval(63 * DAY)).toBe('2.1 mo');
  });
});

describe('the daily queue', () => {
  const cards = Array.from({ length: 50 }, (_, i) => ({ id: `k${i}`, chapterId: i < 25 ? 'a' : 'b', part: i < 10 ? 'start' : 'cases', mine: i >= 45 }));
  const tz = 0;

  it('limits new cards per day and counts the ones already introduced today', () => {
    const q = buildQueue({ cards, schedules: new Map(), todayLog: [], deck: parseDeck('all'), settings: DEFAULT_STUDY, now: T0, tzOffsetMin: tz });
    expect(q.counts.new).toBe(20);
    const log = [grade('k0', NEW_MEMORY(T0), 3, T0, 0.9, 'a'), grade('k1', NEW_MEMORY(T0), 4, T0, 0.9, 'b'), { ...grade('k2', NEW_MEMORY(T0), 3, T0, 0.9, 'c'), undone: true }];
    const schedules = new Map(log.filter((e) => !e.undone).map((e) => [e.cardId, sched(e.cardId, e)]));
    const q2 = buildQueue({ cards, schedules, todayLog: log, deck: parseDeck('all'), settings: DEFAULT_STUDY, now: T0 + MIN, tzOffsetMin: tz });
    expect(q2.newLeft).toBe(18);
    expect(q2.counts.new).toBe(18);
    expect(q2.ids).not.toContain('k1'); // Easy: due in days
    expect(q2.ids.at(-1)).toBe('k0'); // learning, due in 10 min: shown after the rest (learn ahead)
  });

  it('limits reviews per day, oldest due first, and reports when the next card is due', () => {
    const schedules = new Map<string, CardSchedule>();
    cards.slice(0, 30).forEach((c, i) => {
      const e = grade(c.id, NEW_MEMORY(T0 - 30 * DAY), 4, T0 - 30 * DAY, 0.9, `e${i}`);
      schedules.set(c.id, { ...sched(c.id, e), due: T0 - i * MIN });
    });
    schedules.set('k30', { ...schedules.get('k0')!, cardId: 'k30', due: T0 + 3 * DAY });
    const settings = { ...DEFAULT_STUDY, maxReviewsPerDay: 5, newPerDay: 0 };
    const q = buildQueue({ cards, schedules, todayLog: [], deck: parseDeck('all'), settings, now: T0, tzOffsetMin: tz });
    expect(q.ids).toEqual(['k29', 'k28', 'k27', 'k26', 'k25']);
    const done = { ...grade('k29', schedules.get('k29')!, 3, T0, 0.9, 'r') };
    const used = usedToday([done], T0 + MIN, tz);
    expect(used).toEqual({ newSeen: 0, reviews: 1 });
    const empty = buildQueue({ cards, schedules: new Map([['k30', schedules.get('k30')!]]), todayLog: [], deck: parseDeck('all'), settings, now: T0, tzOffsetMin: tz });
    expect(empty.ids).toEqual([]);
    expect(empty.nextDue).toBe(T0 + 3 * DAY);
    expect(forecast(schedules.values(), T0, tz)).toEqual([30, 0, 0, 1, 0, 0, 0]);
  });

  it('draws from one deck: a part, a chapter, or only my cards', () => {
    const all = { schedules: new Map(), todayLog: [], settings: { ...DEFAULT_STUDY, newPerDay: 100 }, now: T0, tzOffsetMin: tz, cards };
    expect(buildQueue({ ...all, deck: parseDeck('part:start') }).ids).toHaveLength(10);
    expect(buildQueue({ ...all, deck: parseDeck('chapter:b') }).ids).toHaveLength(25);
    expect(buildQueue({ ...all, deck: parseDeck('mine') }).ids).toEqual(['k45', 'k46', 'k47', 'k48', 'k49']);
    expect(parseDeck('chapter:<script>')).toEqual({ kind: 'all' });
    expect(reviewHref(parseDeck('chapter:visual-search'))).toBe('/review?deck=chapter:visual-search');
  });

  it('starts a study day at local midnight', () => {
    const tzBerlin = -60;
    expect(new Date(startOfDay(Date.UTC(2026, 11, 7, 23, 30), tzBerlin)).toISOString()).toBe('2026-12-07T23:00:00.000Z');
    expect(new Date(startOfDay(Date.UTC(2026, 11, 7, 22, 30), tzBerlin)).toISOString()).toBe('2026-12-06T23:00:00.000Z');
  });
});

describe('card identity across a content update', () => {
  const s = (cardId: string, retired?: boolean): CardSchedule => ({ ...NEW_MEMORY(T0), state: 2, cardId, chapterId: 'ch', question: cardId, ...(retired ? { retired } : {}) });
  it('keeps a surviving card, retires a removed one, treats a changed question as a new card', () => {
    // v1 had ch:aaa, ch:bbb, ch:ccc; v2 keeps aaa, removes bbb, changes ccc's question (now ch:ddd).
    const r = reconcile(['ch:aaa', 'ch:ddd'], [s('ch:aaa'), s('ch:bbb'), s('ch:ccc')]);
    expect(r.kept).toEqual(['ch:aaa']);
    expect(r.retired.sort()).toEqual(['ch:bbb', 'ch:ccc']);
    expect(r.fresh).toEqual(['ch:ddd']);
    expect(r.changed.map((c) => [c.cardId, c.retired])).toEqual([
      ['ch:bbb', true],
      ['ch:ccc', true],
    ]);
    // A later version restores bbb: it comes back with its schedule.
    const back = reconcile(['ch:aaa', 'ch:bbb'], [s('ch:aaa'), s('ch:bbb', true)]);
    expect(back.changed).toHaveLength(1);
    expect(back.changed[0]!.retired).toBeUndefined();
    expect(back.changed[0]!.state).toBe(2);
  });
});

describe('settings and statistics', () => {
  it('keeps study settings in range', () => {
    expect(parseStudySettings({ newPerDay: 5, maxReviewsPerDay: 50, retention: 0.85 })).toEqual({ newPerDay: 5, maxReviewsPerDay: 50, retention: 0.85 });
    expect(parseStudySettings({ newPerDay: -1, retention: 0.99 })).toEqual(DEFAULT_STUDY);
  });
  it('counts reviews per day, true retention, states and the streak', () => {
    const log: ReviewLogEntry[] = [];
    let m = NEW_MEMORY(T0 - 3 * DAY);
    for (let d = 3; d >= 0; d--) {
      const e = grade('x', m, d === 1 ? 1 : 3, T0 - d * DAY, 0.9, `d${d}`);
      log.push(e);
      m = e.after;
    }
    const st = studyStats(log, [{ ...m, cardId: 'x', chapterId: null, question: 'x' }], 10, T0, 0, 7);
    expect(st.perDay).toEqual([0, 0, 0, 1, 1, 1, 1]);
    expect(st.streak).toBe(4);
    expect(st.byState.new).toBe(9);
    expect(st.totalReviews).toBe(4);
    const reviewed = log.filter((e) => e.before.state === 2);
    expect(st.retentionSample).toBe(reviewed.length);
  });
});

describe('the build still refuses a card without a question or an answer', () => {
  it('names the problem and keeps the card out', () => {
    const r = parseCards('Q:\nA: an answer\nQ: A question?\n');
    expect(r.errors.map((e) => e.message)).toEqual(['Q: has no question text', 'card "A question?" has no A: answer']);
  });
});
