import type { PocketDb } from './db.ts';
import { classify, guarded } from './errors.ts';
import type { ReadingProgress } from './schema.ts';

export async function saveProgress(
  db: PocketDb,
  chapterId: string,
  anchorId: string | null,
  fraction: number,
  now = Date.now(),
): Promise<ReadingProgress> {
  try {
    const tx = db.transaction('progress', 'readwrite');
    const prev = await tx.store.get(chapterId);
    const f = Math.min(1, Math.max(0, fraction));
    const rec: ReadingProgress = { chapterId, anchorId, fraction: f, maxFraction: Math.max(f, prev?.maxFraction ?? 0), updatedAt: now };
    await Promise.all([tx.store.put(rec), tx.done]);
    return rec;
  } catch (err) {
    throw classify(err);
  }
}

export async function getProgress(db: PocketDb, chapterId: string): Promise<ReadingProgress | null> {
  return guarded(async () => (await db.get('progress', chapterId)) ?? null);
}

export async function allProgress(db: PocketDb): Promise<ReadingProgress[]> {
  return guarded(async () => db.getAll('progress'));
}

/** The chapter read most recently, for "Continue reading". */
export async function lastRead(db: PocketDb): Promise<ReadingProgress | null> {
  return guarded(async () => (await db.transaction('progress').store.index('by-updated').openCursor(null, 'prev'))?.value ?? null);
}
