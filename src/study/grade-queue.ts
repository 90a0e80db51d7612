import type { Annotation } from '../annotations/types.ts';
import { createSaveQueue, type QueueState } from '../annotations/save-queue.ts';
import { openPocketDb } from '../storage/db.ts';
import { recordGrade, undoGrade, type GradeOutcome } from '../storage/study-repo.ts';
import { onBeforeReload } from '../sw-bridge/index.ts';
import type { CardSchedule, ReviewLogEntry } from './types.ts';

/**
 * Grades go through the same save queue as highlights: held in memory until IndexedDB accepts
 * them, retried on a full disk or a closed connection, never dropped. The queue is keyed by id
 * and only reads `id`/`updatedAt` of what it carries, so a grade travels in an annotation-shaped
 * envelope (the one cast, kept here).
 */
export interface GradeOp {
  id: string;
  updatedAt: number;
  kind: 'grade' | 'undo';
  entry: ReviewLogEntry;
  schedule: CardSchedule;
}

const waiting = new Map<string, (o: GradeOutcome) => void>();
const outcomes = new Map<string, GradeOutcome>();
let stateListener: ((s: QueueState) => void) | null = null;

const queue = createSaveQueue(
  {
    async save(a) {
      const op = a as unknown as GradeOp;
      const db = await openPocketDb();
      const outcome = op.kind === 'grade' ? await recordGrade(db, op.entry, op.schedule) : await undoGrade(db, op.entry, op.schedule);
      outcomes.set(op.id, outcome);
      return { record: a };
    },
    async remove() {
      // Grades are never removed; an undo is a grade of its own.
    },
  },
  {
    onState: (s) => stateListener?.(s),
    onSaved: (a) => {
      const outcome = outcomes.get(a.id) ?? 'saved';
      outcomes.delete(a.id);
      waiting.get(a.id)?.(outcome);
      waiting.delete(a.id);
    },
  },
);

/** Follows the queue's state (the screen shows "storage is full" while it is failing). */
export function onGradeQueueState(fn: ((s: QueueState) => void) | null): void {
  stateListener = fn;
}

/** Resolves once the grade (or undo) is durable in IndexedDB — however many retries that takes. */
export function submit(op: Omit<GradeOp, 'id' | 'updatedAt'>, opId: string, now: number): Promise<GradeOutcome> {
  const full: GradeOp = { ...op, id: opId, updatedAt: now };
  const done = new Promise<GradeOutcome>((resolve) => waiting.set(opId, resolve));
  queue.put(full as unknown as Annotation, null);
  return done;
}

export const retryGrades = (): Promise<void> => queue.flush();

// An app update reloads the page: a grade still waiting (a retry after a failure) is written first.
onBeforeReload(retryGrades);
export const gradesPending = (): boolean => queue.state().kind !== 'idle';
