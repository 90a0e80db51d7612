import type { PocketDb } from './db.ts';

/**
 * The top bar's "Review, 12 due": a count from IndexedDB alone (no scheduler, no screen code).
 * Learning cards due within 20 minutes, reviews due before tomorrow (within what is left of today's
 * review limit), and the new cards today's limit still allows — the same rules as the queue. `guideCards` is the manifest's card total.
 */
export interface DueCountInput {
  guideCards: number;
  newPerDay: number;
  maxReviewsPerDay: number;
  now: number;
  dayStart: number;
  dayEnd: number;
}

/** Learning cards count once they are due within this window (the review screen's "learn ahead"). */
const LEARN_AHEAD_MS = 20 * 60_000;

export async function countDue(db: PocketDb, q: DueCountInput): Promise<number> {
  const tx = db.transaction(['schedule', 'cards', 'reviews'], 'readonly');
  const [schedules, cards, today] = await Promise.all([
    tx.objectStore('schedule').getAll(),
    tx.objectStore('cards').getAll(),
    tx.objectStore('reviews').index('by-time').getAll(IDBKeyRange.lowerBound(q.dayStart)),
  ]);
  let due = 0;
  let learningDue = 0;
  let graded = 0;
  for (const s of schedules) {
    if (s.retired || s.state === 0) continue;
    graded++;
    if (s.state === 1 || s.state === 3) {
      if (s.due <= q.now + LEARN_AHEAD_MS) learningDue++;
    } else if (s.due < q.dayEnd) due++;
  }
  const newSeen = new Set<string>();
  let reviews = 0;
  for (const e of today) {
    if (e.undone) continue;
    if (e.before.state === 0) newSeen.add(e.cardId);
    else if (e.before.state === 2) reviews++;
  }
  const userCards = cards.filter((c) => !c.deleted).length;
  const fresh = Math.max(0, q.guideCards + userCards - graded);
  // As in the queue: learning cards are never held back by the review limit.
  return learningDue + Math.min(due, Math.max(0, q.maxReviewsPerDay - reviews)) + Math.min(fresh, Math.max(0, q.newPerDay - newSeen.size));
}
