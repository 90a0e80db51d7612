import { endOfDay, startOfDay } from './day.ts';
import { inDeck, type Deck, type DeckCard } from './deck.ts';
import type { CardSchedule, ReviewLogEntry, StudySettings } from './types.ts';

/** Learning cards due within this window are shown rather than waiting on an empty screen (Anki's "learn ahead"). */
export const LEARN_AHEAD_MS = 20 * 60_000;

export interface QueueInput {
  /** Every active card, in guide order (user cards after the guide's). */
  cards: readonly DeckCard[];
  schedules: ReadonlyMap<string, CardSchedule>;
  /** Grades given today (at least those since the start of today; older ones are ignored). */
  todayLog: readonly ReviewLogEntry[];
  deck: Deck;
  settings: StudySettings;
  now: number;
  tzOffsetMin: number;
}

export interface Queue {
  /** Card ids to show, in order: learning due now, reviews due today, new cards, learning due soon. */
  ids: string[];
  counts: { learning: number; review: number; new: number };
  /** What is left of today's limits (over every deck, as in Anki's parent deck). */
  newLeft: number;
  reviewsLeft: number;
  /** The next time any card in the deck falls due after this queue (null: nothing scheduled). */
  nextDue: number | null;
}

/** Today's limits used so far: new cards introduced and review cards graded (undone grades do not count). */
export function usedToday(log: readonly ReviewLogEntry[], now: number, tzOffsetMin: number): { newSeen: number; reviews: number } {
  const start = startOfDay(now, tzOffsetMin);
  const newCards = new Set<string>();
  let reviews = 0;
  for (const e of log) {
    if (e.undone || e.reviewedAt < start || e.reviewedAt > now) continue;
    if (e.before.state === 0) newCards.add(e.cardId);
    else if (e.before.state === 2) reviews++;
  }
  return { newSeen: newCards.size, reviews };
}

/** Pure: today's queue for a deck. */
export function buildQueue(q: QueueInput): Queue {
  const used = usedToday(q.todayLog, q.now, q.tzOffsetMin);
  const newLeft = Math.max(0, q.settings.newPerDay - used.newSeen);
  const reviewsLeft = Math.max(0, q.settings.maxReviewsPerDay - used.reviews);
  const dayEnd = endOfDay(q.now, q.tzOffsetMin);
  const learningNow: CardSchedule[] = [];
  const learningSoon: CardSchedule[] = [];
  const reviews: CardSchedule[] = [];
  const fresh: string[] = [];
  let nextDue: number | null = null;
  for (const c of q.cards) {
    if (!inDeck(q.deck, c)) continue;
    const s = q.schedules.get(c.id);
    if (!s || s.state === 0) {
      if (fresh.length < newLeft) fresh.push(c.id);
      continue;
    }
    if (s.retired) continue;
    const learning = s.state === 1 || s.state === 3;
    if (learning && s.due <= q.now) learningNow.push(s);
    else if (learning && s.due <= q.now + LEARN_AHEAD_MS) learningSoon.push(s);
    else if (!learning && s.due < dayEnd) reviews.push(s);
    else nextDue = nextDue === null ? s.due : Math.min(nextDue, s.due);
  }
  const byDue = (a: CardSchedule, b: CardSchedule) => a.due - b.due || (a.cardId < b.cardId ? -1 : 1);
  learningNow.sort(byDue);
  learningSoon.sort(byDue);
  reviews.sort(byDue);
  const shownReviews = reviews.slice(0, reviewsLeft);
  // Reviews held back by the daily limit are still due: the next one is "now", tomorrow's limit permitting.
  const held = reviews.slice(reviewsLeft);
  if (held.length) nextDue = Math.min(nextDue ?? Infinity, dayEnd);
  return {
    ids: [...learningNow, ...shownReviews].map((s) => s.cardId).concat(fresh, learningSoon.map((s) => s.cardId)),
    counts: { learning: learningNow.length + learningSoon.length, review: shownReviews.length, new: fresh.length },
    newLeft,
    reviewsLeft,
    nextDue,
  };
}

/** How many cards fall due on each of the next `days` days (day 0 = today, counting what is due now). */
export function forecast(schedules: Iterable<CardSchedule>, now: number, tzOffsetMin: number, days = 7): number[] {
  const out = new Array<number>(days).fill(0);
  const start = startOfDay(now, tzOffsetMin);
  for (const s of schedules) {
    if (s.retired || s.state === 0) continue;
    const i = Math.max(0, Math.floor((s.due - start) / 86_400_000));
    if (i < days) out[i]!++;
  }
  return out;
}
