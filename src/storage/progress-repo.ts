import type { PocketDb } from './db.ts';
import { guarded } from './errors.ts';
import type { ReadingProgress } from './schema.ts';

/**
 * Reading progress as this page last read or wrote it, per chapter (null: known to have no
 * record yet). A write as the page goes builds on it (progress-writes.ts says why).
 */
const known = new Map<string, ReadingProgress | null>();
export const rememberProgress = (chapterId: string, rec: ReadingProgress | null): void => void known.set(chapterId, rec);
/** The version this page knows, or undefined when it has not read the record yet. */
export const knownProgress = (chapterId: string): ReadingProgress | null | undefined => known.get(chapterId);

export async function getProgress(db: PocketDb, chapterId: string): Promise<ReadingProgress | null> {
  return guarded(async () => {
    const rec = (await db.get('progress', chapterId)) ?? null;
    if (!known.has(chapterId)) rememberProgress(chapterId, rec);
    return rec;
  });
}

export async function allProgress(db: PocketDb): Promise<ReadingProgress[]> {
  return guarded(async () => db.getAll('progress'));
}

/** The chapter read most recently, for "Continue reading". */
export async function lastRead(db: PocketDb): Promise<ReadingProgress | null> {
  return guarded(async () => (await db.transaction('progress').store.index('by-updated').openCursor(null, 'prev'))?.value ?? null);
}
