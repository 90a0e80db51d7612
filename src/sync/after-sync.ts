import { openPocketDb } from '../storage/db.ts';
import { allReviews, allSchedules, allUserCards, putSchedules } from '../storage/study-repo.ts';
import type { UserStore } from '../storage/schema.ts';
import { announceStudyChange } from '../study/due-badge.ts';
import { recomputeSchedules } from '../study/recompute.ts';
import { studySettings } from '../study/study-settings.ts';
import type { ReviewLogEntry } from '../study/types.ts';

/** The cards whose schedule must be recomputed after these records arrived (pure). */
export function cardsTouched(changes: readonly { store: UserStore; key: string; record: Record<string, unknown> | null }[]): Set<string> {
  const ids = new Set<string>();
  for (const c of changes) {
    if (c.store === 'reviews' && c.record) ids.add((c.record as unknown as ReviewLogEntry).cardId);
    if (c.store === 'cards') ids.add(c.key);
  }
  return ids;
}

/**
 * Reviews from another device arrived: each touched card's schedule is recomputed by replaying
 * the union of both devices' logs (the log is the source of truth, the schedule only its cache).
 */
export async function recomputeAfterSync(changes: readonly { store: UserStore; key: string; record: Record<string, unknown> | null }[]): Promise<void> {
  const ids = cardsTouched(changes);
  if (ids.size === 0) return;
  const db = await openPocketDb();
  const [log, schedules, cards] = await Promise.all([allReviews(db), allSchedules(db), allUserCards(db)]);
  const next = recomputeSchedules(ids, log, new Map(schedules.map((s) => [s.cardId, s])), new Map(cards.map((c) => [c.id, c])), studySettings.get().retention);
  await putSchedules(db, next);
  announceStudyChange();
}
