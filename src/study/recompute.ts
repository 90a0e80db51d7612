import { replay, NEW_MEMORY } from './scheduler.ts';
import type { CardSchedule, ReviewLogEntry, UserCard } from './types.ts';

/**
 * Pure: the schedules of `cardIds` recomputed from the whole log (what merging devices or a backup
 * relies on). A card's chapter and question come from its old schedule, its user card, or — for a
 * guide card — the chapter part of its id. A card with no live entry goes back to new.
 */
export function recomputeSchedules(
  cardIds: ReadonlySet<string>,
  log: readonly ReviewLogEntry[],
  old: ReadonlyMap<string, CardSchedule>,
  userCards: ReadonlyMap<string, UserCard>,
  retention: number,
): CardSchedule[] {
  const byCard = new Map<string, ReviewLogEntry[]>();
  for (const e of log) if (cardIds.has(e.cardId)) (byCard.get(e.cardId) ?? byCard.set(e.cardId, []).get(e.cardId)!).push(e);
  const out: CardSchedule[] = [];
  for (const id of cardIds) {
    const entries = byCard.get(id) ?? [];
    const memory = replay(entries, retention) ?? NEW_MEMORY(entries[0]?.reviewedAt ?? 0);
    const prev = old.get(id);
    const user = userCards.get(id);
    const chapterId = prev?.chapterId ?? user?.chapterId ?? (id.includes(':') ? id.slice(0, id.indexOf(':')) : null);
    const s: CardSchedule = { cardId: id, chapterId, question: prev?.question ?? user?.question.slice(0, 300) ?? '', ...memory };
    if (prev?.retired) s.retired = true;
    out.push(s);
  }
  return out;
}
