import { unwrap } from 'idb';
import type { PocketDb } from './db.ts';
import { classify } from './errors.ts';
import { knownProgress, rememberProgress } from './progress-repo.ts';
import type { ReadingProgress } from './schema.ts';
import { announceWrite } from './user-writes.ts';

/**
 * Writes of reading progress (position, sections seen, read), loaded after a chapter's text is on
 * screen. Each reads the record and writes it back changed, in one transaction.
 *
 * A page can be frozen right after `pagehide` (WebKit keeps it in the back/forward cache; iOS
 * suspends a home-screen app). A transaction frozen between its read and its write holds the
 * store, and every other page's read of reading progress waits behind it. So as the page goes,
 * a change still waiting for its read is cancelled and written again in one request, committed
 * at once, on the version this page last knew: storage then finishes it without the page.
 */
type Patch = (prev: ReadingProgress | undefined, now: number) => ReadingProgress;

/** Changes waiting for their read: each cancels itself and writes again at once. */
const waiting = new Set<() => void>();
/** The page is going (pagehide): every change still waiting for its read is written at once instead. */
export const pageLeaving = (): void => [...waiting].forEach((leave) => leave());
if (typeof addEventListener === 'function') addEventListener('pagehide', pageLeaving);

/** Reads, changes and writes one chapter's record in one transaction, then announces it. */
async function change(db: PocketDb, chapterId: string, patch: Patch, now: number): Promise<ReadingProgress> {
  let rewritten: ReadingProgress | null = null;
  try {
    const tx = db.transaction('progress', 'readwrite');
    const leave = () => {
      if (knownProgress(chapterId) === undefined) return;
      tx.abort();
      rewritten = writeAtOnce(db, chapterId, patch, now);
    };
    waiting.add(leave);
    let prev: ReadingProgress | undefined;
    try {
      prev = await tx.store.get(chapterId);
    } finally {
      waiting.delete(leave);
    }
    const rec = patch(prev, now);
    await Promise.all([tx.store.put(rec), tx.done]);
    rememberProgress(chapterId, rec);
    announceWrite({ store: 'progress', key: chapterId, value: rec });
    return rec;
  } catch (err) {
    if (rewritten) return rewritten;
    throw classify(err);
  }
}

/**
 * The change in one request on the version this page knows, committed at once; null when this
 * page has not read the record yet (writing without it would drop the sections seen).
 */
function writeAtOnce(db: PocketDb, chapterId: string, patch: Patch, now: number): ReadingProgress | null {
  const prev = knownProgress(chapterId);
  if (prev === undefined) return null;
  try {
    const rec = patch(prev ?? undefined, now);
    const tx = db.transaction('progress', 'readwrite');
    const put = tx.store.put(rec);
    (unwrap(tx) as IDBTransaction & { commit?: () => void }).commit?.();
    rememberProgress(chapterId, rec);
    void Promise.all([put, tx.done]).then(
      () => announceWrite({ store: 'progress', key: chapterId, value: rec }),
      () => undefined,
    );
    return rec;
  } catch {
    return null;
  }
}

/** A new record: `seen` and `readAt` present, so it is never taken for a record from before reading was measured. */
const blank = (chapterId: string, now: number): ReadingProgress => ({ chapterId, anchorId: null, fraction: 0, maxFraction: 0, updatedAt: now, seen: [], readAt: null });

const positioned = (chapterId: string, anchorId: string | null, fraction: number): Patch => {
  const f = Math.min(1, Math.max(0, fraction));
  return (prev, now) => ({ ...(prev ?? blank(chapterId, now)), anchorId, fraction: f, maxFraction: Math.max(f, prev?.maxFraction ?? 0), updatedAt: now });
};

/** The reading position (and the furthest point reached); fields it does not own are kept. */
export async function saveProgress(db: PocketDb, chapterId: string, anchorId: string | null, fraction: number, now = Date.now()): Promise<ReadingProgress> {
  return change(db, chapterId, positioned(chapterId, anchorId, fraction), now);
}

/** The position as the page goes (pagehide): in one request (see the top of this file); false when it cannot be. */
export function saveProgressAtExit(db: PocketDb, chapterId: string, anchorId: string | null, fraction: number, now = Date.now()): boolean {
  return writeAtOnce(db, chapterId, positioned(chapterId, anchorId, fraction), now) !== null;
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
