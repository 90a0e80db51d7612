import { createEmptyCard, fsrs, type Card as FsrsCard, type FSRS, type Grade as FsrsGrade } from 'ts-fsrs';
import type { CardMemory, CardSchedule, CardState, Grade, ReviewLogEntry } from './types.ts';

/**
 * The scheduling core: FSRS-6 through ts-fsrs with Anki's defaults (learning steps 1 min, 10 min;
 * no fuzz, so a replay is exact). Pure: time is always a parameter, nothing is stored here.
 */
const schedulers = new Map<number, FSRS>();
export function schedulerFor(retention: number): FSRS {
  let f = schedulers.get(retention);
  if (!f) schedulers.set(retention, (f = fsrs({ request_retention: retention, enable_fuzz: false })));
  return f;
}

export const NEW_MEMORY = (now: number): CardMemory => fromFsrs(createEmptyCard(new Date(now)));

export function toFsrs(m: CardMemory): FsrsCard {
  return {
    due: new Date(m.due),
    stability: m.stability,
    difficulty: m.difficulty,
    elapsed_days: 0,
    scheduled_days: m.scheduledDays,
    learning_steps: m.learningSteps,
    reps: m.reps,
    lapses: m.lapses,
    state: m.state,
    ...(m.lastReview !== null ? { last_review: new Date(m.lastReview) } : {}),
  };
}

export function fromFsrs(c: FsrsCard): CardMemory {
  return {
    state: c.state as number as CardState,
    due: c.due.getTime(),
    stability: c.stability,
    difficulty: c.difficulty,
    reps: c.reps,
    lapses: c.lapses,
    scheduledDays: c.scheduled_days,
    learningSteps: c.learning_steps,
    lastReview: c.last_review ? c.last_review.getTime() : null,
  };
}

/** The memory of a card: its schedule, or a new card's. */
export const memoryOf = (s: CardSchedule | null | undefined, now: number): CardMemory => (s ? pickMemory(s) : NEW_MEMORY(now));

export function pickMemory(s: CardMemory): CardMemory {
  const { state, due, stability, difficulty, reps, lapses, scheduledDays, learningSteps, lastReview } = s;
  return { state, due, stability, difficulty, reps, lapses, scheduledDays, learningSteps, lastReview };
}

/** One grade: the log entry to append (source of truth) and the card's memory after it. */
export function grade(
  cardId: string,
  before: CardMemory,
  g: Grade,
  now: number,
  retention: number,
  id: string,
): ReviewLogEntry {
  const item = schedulerFor(retention).next(toFsrs(before), new Date(now), g as FsrsGrade);
  const elapsedDays = before.lastReview === null ? 0 : Math.max(0, Math.floor((now - before.lastReview) / 86_400_000));
  return { id, cardId, grade: g, reviewedAt: now, elapsedDays, before, after: fromFsrs(item.card) };
}

/** When each grade would bring the card back, in ms from now. */
export function preview(before: CardMemory, now: number, retention: number): Record<Grade, number> {
  const p = schedulerFor(retention).repeat(toFsrs(before), new Date(now));
  return { 1: p[1].card.due.getTime() - now, 2: p[2].card.due.getTime() - now, 3: p[3].card.due.getTime() - now, 4: p[4].card.due.getTime() - now };
}

/** Orders log entries as they happened (ties by id, so every device replays the same order). */
export const byTime = (a: ReviewLogEntry, b: ReviewLogEntry): number => a.reviewedAt - b.reviewedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Replays one card's log (undone entries skipped): the memory it leads to, or null if never graded. */
export function replay(log: readonly ReviewLogEntry[], retention: number): CardMemory | null {
  const live = log.filter((e) => !e.undone).sort(byTime);
  if (live.length === 0) return null;
  let m = NEW_MEMORY(live[0]!.reviewedAt);
  for (const e of live) m = grade(e.cardId, m, e.grade, e.reviewedAt, retention, e.id).after;
  return m;
}

/** "1 min", "10 min", "5 h", "3 d", "2.1 mo", "1.3 y": the label under each grade button. */
export function formatInterval(ms: number): string {
  const min = ms / 60_000;
  if (min < 60) return `${Math.max(1, Math.round(min))} min`;
  const h = min / 60;
  if (h < 24) return `${Math.round(h)} h`;
  const d = h / 24;
  if (d < 30) return `${Math.round(d)} d`;
  if (d < 365) return `${(d / 30).toFixed(1).replace(/\.0$/, '')} mo`;
  return `${(d / 365).toFixed(1).replace(/\.0$/, '')} y`;
}
