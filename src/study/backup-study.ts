import type { BackupSection } from '../notebook/backup-sections.ts';
import type { CardMemory, ReviewLogEntry, UserCard } from './types.ts';

/**
 * The study sections of the backup file: "cards" (the reader's own cards) and "reviews" (the
 * whole review log, undone grades included). Pure. Reviews of cards this device does not know are
 * kept (a card may come from a newer guide or another device). A grade outside 1–4 or a review
 * dated in the future refuses the whole import, with the record named.
 */
const FUTURE_SLACK_MS = 5 * 60_000;
const MAX_TEXT = 20_000;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 946_684_800_000;
const isStr = (v: unknown, max = 200): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;
const when = (t: number) => new Date(t).toISOString().slice(0, 16).replace('T', ' ');

function memoryProblem(m: unknown, name: string): string | null {
  if (!isObj(m)) return `its "${name}" state is missing`;
  if (![0, 1, 2, 3].includes(m.state as number)) return `its "${name}" state is not one of new, learning, review, relearning`;
  for (const k of ['due', 'stability', 'difficulty', 'reps', 'lapses', 'scheduledDays', 'learningSteps'] as const) {
    if (typeof m[k] !== 'number' || !Number.isFinite(m[k])) return `its "${name}" state has no valid ${k}`;
  }
  if (m.lastReview !== null && !isTime(m.lastReview)) return `its "${name}" state has no valid lastReview`;
  return null;
}

export function reviewFromJson(raw: unknown, now: number): { ok: true; record: ReviewLogEntry } | { ok: false; problem: string } {
  if (!isObj(raw)) return { ok: false, problem: 'a review is not an object' };
  if (!isStr(raw.id)) return { ok: false, problem: 'a review has no id' };
  if (!isStr(raw.cardId)) return { ok: false, problem: `review ${raw.id} names no card` };
  if (![1, 2, 3, 4].includes(raw.grade as number)) return { ok: false, problem: `review ${raw.id}: its grade is ${JSON.stringify(raw.grade)}; a grade is 1 (Again) to 4 (Easy)` };
  if (!isTime(raw.reviewedAt)) return { ok: false, problem: `review ${raw.id} has no valid date` };
  if (raw.reviewedAt > now + FUTURE_SLACK_MS) return { ok: false, problem: `review ${raw.id} is dated ${when(raw.reviewedAt)}, in the future` };
  const bad = memoryProblem(raw.before, 'before') ?? memoryProblem(raw.after, 'after');
  if (bad) return { ok: false, problem: `review ${raw.id}: ${bad}` };
  const elapsedDays = typeof raw.elapsedDays === 'number' && raw.elapsedDays >= 0 ? raw.elapsedDays : 0;
  const record: ReviewLogEntry = {
    ...raw,
    id: raw.id,
    cardId: raw.cardId,
    grade: raw.grade as ReviewLogEntry['grade'],
    reviewedAt: raw.reviewedAt,
    elapsedDays,
    before: raw.before as unknown as CardMemory,
    after: raw.after as unknown as CardMemory,
  };
  if (raw.undone === true) record.undone = true;
  else delete record.undone;
  return { ok: true, record };
}

export function cardFromJson(raw: unknown, now: number): { ok: true; record: UserCard } | { ok: false; problem: string } {
  if (!isObj(raw)) return { ok: false, problem: 'a card is not an object' };
  if (!isStr(raw.id)) return { ok: false, problem: 'a card has no id' };
  if (typeof raw.question !== 'string' || !raw.question.trim() || raw.question.length > MAX_TEXT) return { ok: false, problem: `card ${raw.id} has no question` };
  if (typeof raw.answer !== 'string' || !raw.answer.trim() || raw.answer.length > MAX_TEXT) return { ok: false, problem: `card ${raw.id} has no answer` };
  if (!isTime(raw.createdAt) || !isTime(raw.updatedAt)) return { ok: false, problem: `card ${raw.id} has no valid dates` };
  if (raw.updatedAt > now + FUTURE_SLACK_MS) return { ok: false, problem: `card ${raw.id} is dated ${when(raw.updatedAt)}, in the future` };
  const nullableStr = (v: unknown) => (typeof v === 'string' && v.length <= 200 ? v : null);
  const record: UserCard = {
    id: raw.id,
    question: raw.question,
    answer: raw.answer,
    highlightId: nullableStr(raw.highlightId),
    chapterId: nullableStr(raw.chapterId),
    sectionId: nullableStr(raw.sectionId),
    createdAt: raw.createdAt,
    updatedAt: raw.updatedAt,
  };
  if (raw.deleted === true) record.deleted = true;
  return { ok: true, record };
}

export const reviewsSection: BackupSection<ReviewLogEntry> = {
  key: 'reviews',
  noun: ['review', 'reviews'],
  maxRecords: 500_000,
  toJson: (r) => r,
  fromJson: reviewFromJson,
  idOf: (r) => r.id,
};

export const cardsSection: BackupSection<UserCard> = {
  key: 'cards',
  noun: ['card', 'cards'],
  maxRecords: 50_000,
  toJson: (c) => c,
  fromJson: cardFromJson,
  idOf: (c) => c.id,
};

/** Merges imported log entries: unknown ids are added; a known entry only gains an undo. */
export function mergeReviews(existing: ReadonlyMap<string, ReviewLogEntry>, incoming: readonly ReviewLogEntry[]): ReviewLogEntry[] {
  const out: ReviewLogEntry[] = [];
  for (const r of incoming) {
    const had = existing.get(r.id);
    if (!had) out.push(r);
    else if (r.undone && !had.undone) out.push({ ...had, undone: true });
  }
  return out;
}

/** Merges imported cards: the newer edit wins, nothing is duplicated. */
export function mergeCards(existing: ReadonlyMap<string, UserCard>, incoming: readonly UserCard[]): UserCard[] {
  return incoming.filter((c) => {
    const had = existing.get(c.id);
    return !had || c.updatedAt > had.updatedAt;
  });
}
