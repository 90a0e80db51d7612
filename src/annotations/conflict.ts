import type { Annotation } from './types.ts';

export const CONFLICT_MARK = '— written in another tab —';

/**
 * Two tabs edited one annotation: keep every word. The newer anchor/colour/status wins; notes
 * are kept whole — if one contains the other the longer wins, otherwise both are kept.
 */
export function resolveConflict(stored: Annotation, mine: Annotation): Annotation {
  const newer = mine.updatedAt >= stored.updatedAt ? mine : stored;
  const a = stored.note.trim();
  const b = mine.note.trim();
  let note: string;
  if (a === b || b.includes(a)) note = mine.note;
  else if (a.includes(b)) note = stored.note;
  else note = `${stored.note}\n\n${CONFLICT_MARK}\n\n${mine.note}`;
  return { ...newer, note, updatedAt: Math.max(stored.updatedAt, mine.updatedAt) + 1 };
}
