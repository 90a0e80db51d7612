import type { CardSchedule, ReviewLogEntry, StudyCardIndex, UserCard } from '../study/types.ts';
import type { PocketDb } from './db.ts';
import { classify, guarded } from './errors.ts';
import { announceWrite } from './user-writes.ts';

/**
 * Study stores: `cards` (the reader's own cards), `reviews` (the log, append-only: the source of
 * truth) and `schedule` (each card's derived memory, a cache of replaying its log). A grade writes
 * its log entry and the new schedule in ONE transaction, so the two never disagree.
 */

/** What happened to a grade: stored; already stored (a retry); or refused because another tab graded the card first. */
export type GradeOutcome = 'saved' | 'duplicate' | 'stale';

const sameMemory = (s: CardSchedule | undefined, m: { reps: number; lastReview: number | null }) =>
  (s?.reps ?? 0) === m.reps && (s?.lastReview ?? null) === m.lastReview;

/** Stores one grade with the schedule it leads to. Never double-counts: a second tab's grade of the same showing is refused. */
export async function recordGrade(db: PocketDb, entry: ReviewLogEntry, next: CardSchedule): Promise<GradeOutcome> {
  let outcome: GradeOutcome = 'saved';
  try {
    const tx = db.transaction(['reviews', 'schedule'], 'readwrite');
    const [had, stored] = await Promise.all([tx.objectStore('reviews').get(entry.id), tx.objectStore('schedule').get(entry.cardId)]);
    if (had) outcome = 'duplicate';
    else if (!sameMemory(stored, entry.before)) outcome = 'stale';
    else await Promise.all([tx.objectStore('reviews').put(entry), tx.objectStore('schedule').put(next)]);
    await tx.done;
  } catch (err) {
    throw classify(err);
  }
  if (outcome === 'saved') announceWrite({ store: 'reviews', key: entry.id, value: entry });
  return outcome;
}

/** Undoes a grade: the entry stays, marked undone; the card goes back to its memory before it. */
export async function undoGrade(db: PocketDb, entry: ReviewLogEntry, restored: CardSchedule): Promise<GradeOutcome> {
  let outcome: GradeOutcome = 'saved';
  const marked: ReviewLogEntry = { ...entry, undone: true };
  try {
    const tx = db.transaction(['reviews', 'schedule'], 'readwrite');
    const [had, stored] = await Promise.all([tx.objectStore('reviews').get(entry.id), tx.objectStore('schedule').get(entry.cardId)]);
    if (had?.undone) outcome = 'duplicate';
    else if (!sameMemory(stored, entry.after)) outcome = 'stale';
    else await Promise.all([tx.objectStore('reviews').put(marked), tx.objectStore('schedule').put(restored)]);
    await tx.done;
  } catch (err) {
    throw classify(err);
  }
  if (outcome === 'saved') announceWrite({ store: 'reviews', key: entry.id, value: marked });
  return outcome;
}

export const allSchedules = (db: PocketDb): Promise<CardSchedule[]> => guarded(() => db.getAll('schedule'));
export const allUserCards = (db: PocketDb): Promise<UserCard[]> => guarded(() => db.getAll('cards'));
export const allReviews = (db: PocketDb): Promise<ReviewLogEntry[]> => guarded(() => db.getAll('reviews'));
export const getSchedule = async (db: PocketDb, cardId: string): Promise<CardSchedule | null> => guarded(async () => (await db.get('schedule', cardId)) ?? null);

/** Grades given since `since` (the day's limits, the undo target). */
export const reviewsSince = (db: PocketDb, since: number): Promise<ReviewLogEntry[]> =>
  guarded(() => db.getAllFromIndex('reviews', 'by-time', IDBKeyRange.lowerBound(since)));

/** One card's whole history (kept when the card is retired or its question changed). */
export const reviewsOfCard = (db: PocketDb, cardId: string): Promise<ReviewLogEntry[]> => guarded(() => db.getAllFromIndex('reviews', 'by-card', cardId));

/** Writes schedules (the cache: reconcile's retired flags, recomputed states). Not user data, not announced. */
export async function putSchedules(db: PocketDb, list: readonly CardSchedule[]): Promise<void> {
  if (list.length === 0) return;
  await writeAll(db, [], [], list);
}

/** Saves cards the reader made (or edited, or soft-deleted) in one transaction. */
export async function putUserCards(db: PocketDb, list: readonly UserCard[]): Promise<void> {
  if (list.length === 0) return;
  await writeAll(db, list, [], []);
  announceWrite(...list.map((c) => ({ store: 'cards' as const, key: c.id, value: c })));
}

/** An import: cards, log entries and the schedules recomputed from them land together or not at all. */
export async function putStudyImport(db: PocketDb, cards: readonly UserCard[], reviews: readonly ReviewLogEntry[], schedules: readonly CardSchedule[]): Promise<void> {
  await writeAll(db, cards, reviews, schedules);
  announceWrite(
    ...cards.map((c) => ({ store: 'cards' as const, key: c.id, value: c })),
    ...reviews.map((r) => ({ store: 'reviews' as const, key: r.id, value: r })),
  );
}

async function writeAll(db: PocketDb, cards: readonly UserCard[], reviews: readonly ReviewLogEntry[], schedules: readonly CardSchedule[]): Promise<void> {
  const requests: Promise<unknown>[] = [];
  const tx = db.transaction(['cards', 'reviews', 'schedule'], 'readwrite');
  try {
    requests.push(tx.done);
    for (const c of cards) requests.push(tx.objectStore('cards').put(c));
    for (const r of reviews) requests.push(tx.objectStore('reviews').put(r));
    for (const s of schedules) requests.push(tx.objectStore('schedule').put(s));
    await Promise.all(requests);
  } catch (err) {
    requests.forEach((r) => r.catch(() => undefined));
    try {
      tx.abort();
    } catch {
      // already finished
    }
    throw classify(err);
  }
}

/** Cards made from one highlight. */
export const cardsOfHighlight = (db: PocketDb, highlightId: string): Promise<UserCard[]> => guarded(() => db.getAllFromIndex('cards', 'by-highlight', highlightId));

/** The cached guide card index, if it was built for `version`. */
export async function getCardIndex(db: PocketDb, version: string): Promise<StudyCardIndex | null> {
  const rec = await guarded(() => db.get('meta', 'study-cards'));
  return rec?.key === 'study-cards' && (rec as StudyCardIndex).version === version ? (rec as StudyCardIndex) : null;
}

/** Saves the guide card index (a cache: a failure only means the next open reads the chapters again). */
export const putCardIndex = (db: PocketDb, index: StudyCardIndex): Promise<void> => guarded(async () => void (await db.put('meta', index)));
