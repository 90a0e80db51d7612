import type { UserStore } from '../storage/schema.ts';

/** Three-way text merge that keeps every word of both sides (see src/annotations). */
export type MergeText = (base: string, a: string, b: string) => string;

type Rec = Record<string, unknown>;

const num = (r: Rec, f: string): number => (typeof r[f] === 'number' ? (r[f] as number) : 0);
const json = (r: Rec): string => JSON.stringify(r);

/** Newest first; a tie is broken by content so that every device picks the same winner. */
function newestFirst(records: Rec[]): Rec[] {
  return [...records].sort((a, b) => num(b, 'updatedAt') - num(a, 'updatedAt') || (json(a) < json(b) ? 1 : json(a) > json(b) ? -1 : 0));
}

/**
 * Resolves the conflicting revisions of one record (CouchDB keeps them all; we pick what the
 * user would want, the same on every device). Never "last revision wins" for note text:
 * notes are merged from their common `base` so that no word typed on either device is lost.
 */
export function resolveRecords(store: UserStore, leaves: Rec[], base: Rec | null, mergeText: MergeText): Rec {
  if (leaves.length === 0) throw new Error('nothing to resolve');
  const [newest, ...rest] = newestFirst(leaves) as [Rec, ...Rec[]];
  switch (store) {
    case 'annotations': {
      const baseNote = typeof base?.note === 'string' ? base.note : '';
      let note = typeof newest.note === 'string' ? newest.note : '';
      for (const other of rest) note = mergeText(baseNote, note, typeof other.note === 'string' ? other.note : '');
      return { ...newest, note };
    }
    case 'reviews':
      // A grade is immutable; only an undo can change it, and an undo anywhere holds everywhere.
      return { ...newest, undone: leaves.some((l) => l.undone === true) || undefined };
    case 'progress':
      return { ...newest, maxFraction: Math.max(...leaves.map((l) => num(l, 'maxFraction'))) };
    default:
      return newest;
  }
}
