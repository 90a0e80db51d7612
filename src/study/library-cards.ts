import { openPocketDb } from '../storage/db.ts';
import { allSchedules, allUserCards } from '../storage/study-repo.ts';
import { createStore } from '../ui/store.ts';
import { learnedByChapter } from './chapter-counts.ts';

/** Cards learned per chapter, and the reader's own cards per chapter (for the library's "12 of 40 cards learned"). */
export interface LibraryCards {
  learned: Map<string, number>;
  mine: Map<string, number>;
}

export const libraryCards = createStore<LibraryCards | null>(null);

let loading: Promise<void> | null = null;
/** Reads once per library visit (several tiles ask at once; one read answers them all). */
export function loadLibraryCards(): Promise<void> {
  loading ??= (async () => {
    try {
      const db = await openPocketDb();
      const [schedules, cards] = await Promise.all([allSchedules(db), allUserCards(db)]);
      const mine = new Map<string, number>();
      for (const c of cards) if (!c.deleted && c.chapterId) mine.set(c.chapterId, (mine.get(c.chapterId) ?? 0) + 1);
      libraryCards.set({ learned: learnedByChapter(schedules), mine });
    } catch {
      // Counts are a comfort: without storage the library simply shows none.
    } finally {
      setTimeout(() => (loading = null), 0);
    }
  })();
  return loading;
}
