import type { CardSchedule } from './types.ts';

/**
 * Card identity across content updates. A guide card's id is `chapter:hash(question)`: an edit
 * that keeps the question keeps the id (and the schedule); a changed question is a new card; a
 * card gone from the guide is retired — its schedule and log are kept, never dropped, and it comes
 * back as it was if a later version restores it.
 */
export interface Reconciled {
  /** Schedules whose `retired` flag must change (write these back). */
  changed: CardSchedule[];
  kept: string[];
  retired: string[];
  /** Active cards never graded yet. */
  fresh: string[];
}

export function reconcile(activeIds: Iterable<string>, schedules: Iterable<CardSchedule>): Reconciled {
  const active = new Set(activeIds);
  const seen = new Set<string>();
  const out: Reconciled = { changed: [], kept: [], retired: [], fresh: [] };
  for (const s of schedules) {
    seen.add(s.cardId);
    const isActive = active.has(s.cardId);
    if (isActive) out.kept.push(s.cardId);
    else out.retired.push(s.cardId);
    if (Boolean(s.retired) === !isActive) continue;
    const next: CardSchedule = { ...s };
    if (isActive) delete next.retired;
    else next.retired = true;
    out.changed.push(next);
  }
  for (const id of active) if (!seen.has(id)) out.fresh.push(id);
  return out;
}
