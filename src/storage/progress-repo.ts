import type { PocketDb } from './db.ts';
import { classify, guarded } from './errors.ts';
import type { ReadingProgress } from './schema.ts';
import { announceWrite } from './user-writes.ts';

type Patch = (prev: ReadingProgress | undefined, now: number) => ReadingProgress;

/** Reads, changes and writes one chapter's record in one transaction, then announces it. */
async function change(db: PocketDb, chapterId: string, patch: Patch, now: number): Promise<ReadingProgress> {
  try {
    const tx = db.transaction('progress', 'readwrite');
    // If the read fails (a full disk closing the connection), `done` rejects too: handled here.
    tx.done.catch(() => undefined);
    const rec = patch(await tx.store.get(chapterId), now);
    await Promise.all([tx.store.put(rec), tx.done]);
    announceWrite({ store: 'progress', key: chapterId, value: rec });
    return rec;
  } catch (err) {
    throw classify(err);
  }
}

/** A new record: `seen` and `readAt` present, so it is never taken for a record from before reading was measured. */
const blank = (chapterId: string, now: number): ReadingProgress => ({ chapterId, anchorId: null, fraction: 0, maxFraction: 0, updatedAt: now, seen: [], readAt: null });

/** The reading position (and the furthest point reached); fields it does not own are kept. */
export async function saveProgress(
  db: PocketDb,
  chapterId: string,
  anchorId: string | null,
  fraction: number,
  now = Date.now(),
): Promise<ReadingProgress> {
  const f = Math.min(1, Math.max(0, fraction));
  return change(db, chapterId, (prev) => ({ ...(prev ?? blank(chapterId, now)), anchorId, fraction: f, maxFraction: Math.max(f, prev?.maxFraction ?? 0), updatedAt: now }), now);
}

/**
 * Sections seen long enough (merged with those already seen). With `read`, the chapter also
 * becomes read now, against that chapter hash and section hashes — unless it already is.
 * Does not move `updatedAt`: seeing is not choosing where to continue.
 */
export async function recordSeen(
  db: PocketDb,
  chapterId: string,
  seen: readonly string[],
  read: { hash: string; sections: Record<string, string> } | null,
  now = Date.now(),
): Promise<ReadingProgress> {
  return change(
    db,
    chapterId,
    (prev) => {
      const base = prev ?? blank(chapterId, now);
      const merged = [...new Set([...(base.seen ?? []), ...seen])];
      const already = base.readAt !== undefined && base.readAt !== null;
      if (!read || already) return { ...base, seen: merged, readAt: base.readAt ?? null };
      return { ...base, seen: merged, readAt: now, readHash: read.hash, readSections: read.sections };
    },
    now,
  );
}

/** "Mark as read" / "Mark as unread". Unread forgets the sections seen, so reading starts over. */
export async function setRead(
  db: PocketDb,
  chapterId: string,
  read: { hash: string; sections: Record<string, string> } | null,
  now = Date.now(),
): Promise<ReadingProgress> {
  return change(
    db,
    chapterId,
    (prev) => {
      const base = prev ?? blank(chapterId, now);
      if (!read) return { ...base, readAt: null, seen: [], readHash: undefined, readSections: undefined };
      return { ...base, readAt: now, readHash: read.hash, readSections: read.sections };
    },
    now,
  );
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
