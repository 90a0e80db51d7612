import { diff3Merge } from 'node-diff3';
import type { Annotation } from './types.ts';

/**
 * Two tabs edited one note at once: a three-way merge (node-diff3, word by word) from the text
 * both edits started from. Separate changes both apply; where both changed the same words, both
 * versions are kept side by side. Every word typed in either tab survives. Loaded only when a
 * conflict happens (dynamic import), so the merge library never weighs on the first load.
 */
export const CONFLICT_MARK = '— written in another tab —';

/** Words and the whitespace between them, so joining the tokens gives back the text exactly. */
const tokens = (s: string): string[] => s.split(/(\s+)/).filter((t) => t !== '');

/** Both sides changed the same stretch: keep both, unless one already holds the other. */
function both(mine: string, theirs: string): string {
  if (mine.includes(theirs)) return mine;
  if (theirs.includes(mine)) return theirs;
  const gap = /\s$/.test(theirs) || /^\s/.test(mine) ? '' : ' ';
  return `${theirs}${gap}${mine}`;
}

/** Merges `mine` and `theirs`, both edited from `base`. */
export function mergeText(base: string, theirs: string, mine: string): string {
  if (theirs === base || mine === theirs) return mine;
  if (mine === base) return theirs;
  let out = '';
  for (const region of diff3Merge(tokens(mine), tokens(base), tokens(theirs), { excludeFalseConflicts: true })) {
    if (region.ok) out += region.ok.join('');
    else if (region.conflict) out += both(region.conflict.a.join(''), region.conflict.b.join(''));
  }
  return out;
}

/**
 * The stored record changed since `base` (the version this tab's edit started from): merge the
 * notes three ways; other fields (colour, anchor, status) take the newer edit. With no base
 * (should not happen: two creations of one id) both notes are kept whole.
 */
export function resolveConflict(stored: Annotation, mine: Annotation, base: Annotation | null = null): Annotation {
  const newer = mine.updatedAt >= stored.updatedAt ? mine : stored;
  let note: string;
  if (base) note = mergeText(base.note, stored.note, mine.note);
  else {
    const a = stored.note.trim();
    const b = mine.note.trim();
    if (a === b || b.includes(a)) note = mine.note;
    else if (a.includes(b)) note = stored.note;
    else note = `${stored.note}\n\n${CONFLICT_MARK}\n\n${mine.note}`;
  }
  return { ...newer, note, updatedAt: Math.max(stored.updatedAt, mine.updatedAt) + 1 };
}

export type ConflictResolver = typeof resolveConflict;
