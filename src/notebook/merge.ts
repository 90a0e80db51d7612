import { resolveConflict } from '../annotations/conflict.ts';
import type { Annotation } from '../annotations/types.ts';

export interface MergeResult {
  /** The incoming annotations to write: new ids and newer versions, in incoming order. */
  toPut: Annotation[];
  added: number;
  updated: number;
  unchanged: number;
  /** Notes changed on both devices since the last exchange: both texts kept, no word lost. */
  notesMerged: number;
}

/**
 * Merges by stable id, never duplicating: a new id is added; for a known id the later `updatedAt`
 * wins and a tie keeps the existing one. If `incoming` repeats an id, its later `updatedAt` is the
 * one compared (tie → the first). Nothing in `existing` is ever removed.
 *
 * `since` is when this device last exchanged a backup (sent or exported one). A note that both
 * this device and the incoming file changed after it was edited on both sides apart: the two texts
 * are merged (as two tabs are) instead of the newer one replacing the other.
 */
export function mergeAnnotations(existing: Annotation[], incoming: Annotation[], since: number | null = null): MergeResult {
  const have = new Map(existing.map((a) => [a.id, a]));
  const latest = new Map<string, Annotation>();
  for (const a of incoming) {
    const other = latest.get(a.id);
    if (!other || a.updatedAt > other.updatedAt) latest.set(a.id, a);
  }
  const toPut: Annotation[] = [];
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  let notesMerged = 0;
  for (const a of latest.values()) {
    const old = have.get(a.id);
    if (!old) added++;
    else if (since !== null && old.updatedAt > since && a.updatedAt > since && old.note !== a.note) {
      const merged = resolveConflict(old, a);
      if (merged.note !== old.note) notesMerged++;
      toPut.push(merged);
      continue;
    } else if (a.updatedAt > old.updatedAt) updated++;
    else {
      unchanged++;
      continue;
    }
    toPut.push(a);
  }
  return { toPut, added, updated, unchanged, notesMerged };
}
