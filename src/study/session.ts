import type { GradeOutcome } from '../storage/study-repo.ts';
import { announceStudyChange } from './due-badge.ts';
import { submit } from './grade-queue.ts';
import { grade, memoryOf, pickMemory } from './scheduler.ts';
import type { StudyCard } from './study-data.ts';
import type { CardSchedule, Grade, ReviewLogEntry } from './types.ts';

const uuid = (): string => crypto.randomUUID();

/**
 * Grades a card: durable before this resolves. Returns the log entry (for Undo) and the outcome.
 * Other tabs are told; this tab's badge is the caller's to set (the review screen counts it from memory).
 */
export async function gradeCard(
  card: StudyCard,
  current: CardSchedule | undefined,
  g: Grade,
  now: number,
  retention: number,
): Promise<{ entry: ReviewLogEntry; schedule: CardSchedule; outcome: GradeOutcome }> {
  const entry = grade(card.id, memoryOf(current, now), g, now, retention, uuid());
  const schedule: CardSchedule = { cardId: card.id, chapterId: card.chapterId, question: card.questionText.slice(0, 300), ...entry.after };
  const outcome = await submit({ kind: 'grade', entry, schedule }, entry.id, now);
  announceStudyChange('review', { recount: outcome === 'stale' });
  return { entry, schedule, outcome };
}

/** Undoes a grade: its entry is kept, marked undone, and the card's memory goes back to before it. */
export async function undoEntry(entry: ReviewLogEntry, card: { chapterId: string | null; questionText: string } | undefined, now: number): Promise<{ schedule: CardSchedule; outcome: GradeOutcome }> {
  const schedule: CardSchedule = { cardId: entry.cardId, chapterId: card?.chapterId ?? null, question: card?.questionText.slice(0, 300) ?? '', ...pickMemory(entry.before) };
  const outcome = await submit({ kind: 'undo', entry, schedule }, `undo:${entry.id}`, now);
  announceStudyChange('review', { recount: outcome === 'stale' });
  return { schedule, outcome };
}
