import type { Annotation } from '../annotations/types.ts';
import type { ConflictResolver } from '../annotations/conflict.ts';
import { unwrap, type IDBPTransaction } from 'idb';
import type { PocketDb } from './db.ts';
import { classify, guarded } from './errors.ts';
import type { BackupInfo, PocketDB } from './schema.ts';
import { announceWrite } from './user-writes.ts';

/** What happened to a save: written as is, or merged with a newer edit from another tab. */
export type SaveOutcome = { kind: 'saved'; record: Annotation } | { kind: 'merged'; record: Annotation };

/** Another tab changed the note since `base`, the version this edit started from. */
const changedSince = (stored: Annotation | undefined, base: Annotation | null): stored is Annotation =>
  !!stored && base !== null && (stored.note !== base.note || stored.updatedAt > base.updatedAt);

/**
 * Saves one annotation. `base` is the version the edit started from: when the stored record
 * moved on since (another tab saved), the two are merged three ways (nothing typed in either
 * tab is lost). The merge code loads only when needed, outside any transaction.
 *
 * A new annotation (no base: nothing to merge with) is durable in one round trip to storage: its
 * write goes out with the read that tells whether it is new (requests in a transaction run in
 * order), and the transaction is committed at once, without waiting for the page to hear back
 * about each request (the page's thread is busy painting the tap meanwhile). The backup reminder's
 * counter then follows in a transaction of its own. An edit reads first (to merge), then writes the
 * record and the counter together.
 */
export async function saveAnnotation(
  db: PocketDb,
  next: Annotation,
  base: Annotation | null,
  loadResolver: () => Promise<ConflictResolver> = async () => (await import('../annotations/conflict.ts')).resolveConflict,
): Promise<SaveOutcome> {
  let resolve: ConflictResolver | null = null;
  try {
    if (base === null) {
      const tx = db.transaction('annotations', 'readwrite');
      const requests = [tx.store.get(next.id), tx.store.put(next)] as const;
      commitNow(tx);
      const [stored] = await Promise.all([requests[0], requests[1], tx.done]);
      announceWrite({ store: 'annotations', key: next.id, value: next });
      if (!stored) void countChange(db).catch(() => undefined);
      return { kind: 'saved', record: next };
    }
    for (;;) {
      const tx = db.transaction(['annotations', 'meta'], 'readwrite');
      const store = tx.objectStore('annotations');
      const meta = tx.objectStore('meta');
      const reads = [store.get(next.id), meta.get('backup')] as const;
      const stop = () => {
        try {
          tx.abort();
        } catch {
          // Already finished.
        }
      };
      reading.add(stop);
      const [stored, backup] = await Promise.all(reads).finally(() => reading.delete(stop));
      let outcome: SaveOutcome = { kind: 'saved', record: next };
      if (changedSince(stored, base)) {
        if (!resolve) {
          tx.abort();
          await tx.done.catch(() => undefined);
          resolve = await loadResolver();
          continue;
        }
        outcome = { kind: 'merged', record: resolve(stored, next, base) };
      }
      const writes = [store.put(outcome.record), meta.put(bumped(backup, stored ? 0 : 1))];
      commitNow(tx);
      await Promise.all([...writes, tx.done]);
      announceWrite({ store: 'annotations', key: next.id, value: outcome.record });
      return outcome;
    }
  } catch (err) {
    throw classify(err);
  }
}

/** Edits whose read is out (their transaction waits for the page): aborted as the page goes. */
const reading = new Set<() => void>();

/**
 * The page is going (pagehide): the annotation in one request, committed at once, on the version
 * the page last knew. An edit's read would not come back before the page is gone, and its
 * transaction would hold the store, so edits still reading are aborted first. False when the
 * request could not be made; `done` says whether it landed (the page may live on: a back/forward cache).
 */
export function saveAnnotationAtExit(db: PocketDb, a: Annotation, done: (ok: boolean) => void): boolean {
  for (const stop of [...reading]) stop();
  try {
    const tx = db.transaction('annotations', 'readwrite');
    const put = tx.store.put(a);
    commitNow(tx);
    void Promise.all([put, tx.done]).then(
      () => (announceWrite({ store: 'annotations', key: a.id, value: a }), done(true)),
      () => done(false),
    );
    return true;
  } catch {
    return false;
  }
}

/** One more change since the last export (the backup reminder counts them). */
async function countChange(db: PocketDb): Promise<void> {
  const tx = db.transaction('meta', 'readwrite');
  await tx.store.put(bumped(await tx.store.get('backup'), 1));
  await tx.done;
}

/** Asks storage to commit now, rather than once the page has heard back about every request (where supported). */
function commitNow(tx: IDBPTransaction<PocketDB, ('annotations' | 'meta')[], 'readwrite'> | IDBPTransaction<PocketDB, ['annotations'], 'readwrite'>): void {
  (unwrap(tx) as IDBTransaction & { commit?: () => void }).commit?.();
}

export async function deleteAnnotation(db: PocketDb, id: string): Promise<void> {
  await guarded(() => db.delete('annotations', id));
  announceWrite({ store: 'annotations', key: id, value: null });
}

export async function getAnnotation(db: PocketDb, id: string): Promise<Annotation | null> {
  return guarded(async () => (await db.get('annotations', id)) ?? null);
}

export async function annotationsForChapter(db: PocketDb, chapterId: string): Promise<Annotation[]> {
  return guarded(async () => db.getAllFromIndex('annotations', 'by-chapter', chapterId));
}

/**
 * Every annotation, read in pages of `page` records (one transaction, so one consistent view):
 * the page turns each page's records into objects between other work, never in one long task.
 */
export async function allAnnotations(db: PocketDb, page = 2000): Promise<Annotation[]> {
  return guarded(async () => {
    const tx = db.transaction('annotations');
    const out: Annotation[] = [];
    for (let after: string | null = null; ; ) {
      const batch: Annotation[] = await tx.store.getAll(after === null ? null : IDBKeyRange.lowerBound(after, true), page);
      out.push(...batch);
      if (batch.length < page) break;
      after = batch[batch.length - 1]!.id;
    }
    await tx.done;
    return out;
  });
}

/** The first annotations in the notebook's order, and how many there are in all when they are all of them. */
export interface AnnotationsHead {
  items: Annotation[];
  /** The number of annotations when `items` holds every one; null when there are more (known once all are read). */
  total: number | null;
}

/**
 * At least the first `limit` annotations in the notebook's order — chapters as `chapterIds` lists
 * them, highlights by position (ties by creation), notes without a passage after them — or fewer
 * when a long chapter's notes would come next; always a true beginning of that order (orphaned
 * highlights included, as stored). Reads a few records, never all, and counts nothing: counting
 * walks every record (55–170 ms for 10,000 at 4× CPU, most of the first screen's read). Which
 * chapters have any is one key lookup each, asked together; a chapter is read whole when it holds
 * no more than the screen still needs, else its first highlights through `by-position`, asked in the same
 * round trip (two in all for a notebook whose first chapter fills the screen).
 */
/** Highlights read past the first screen's need, so that ties at its last position rarely need a read of their own. */
const TIE_ROOM = 8;

export async function annotationsHead(db: PocketDb, chapterIds: readonly string[], limit: number): Promise<AnnotationsHead> {
  return guarded(async () => {
    const tx = db.transaction('annotations');
    const byChapter = tx.store.index('by-chapter');
    const byPosition = tx.store.index('by-position');
    const firstKeys = await Promise.all(chapterIds.map((id) => byChapter.getKey(id)));
    const present = chapterIds.filter((_, i) => firstKeys[i] !== undefined);
    const items: Annotation[] = [];
    let whole = true;
    for (const id of present) {
      const need = limit - items.length;
      if (need <= 0) {
        whole = false;
        break;
      }
      // Asked together, so a long chapter costs one round trip: the chapter up to one past what the screen
      // needs, and its first highlights by position with a few more, so that ties at the last one are there.
      const range = IDBKeyRange.bound([id, -Infinity], [id, Infinity]);
      const [some, byPlace] = await Promise.all([byChapter.getAll(id, need + 1), byPosition.getAll(range, need + TIE_ROOM)]);
      if (some.length <= need) {
        items.push(...some);
        continue;
      }
      if (byPlace.length < need) {
        // Its highlights fit, and its notes (not in the position index) come next: read it all (so it is whole).
        items.push(...(await byChapter.getAll(id)));
        continue;
      }
      whole = false;
      // A long chapter: its first highlights, with every one that shares the last position read.
      const lastStart = byPlace[need - 1]!.anchor!.position.start;
      const first = byPlace.filter((a) => a.anchor!.position.start <= lastStart);
      // All the room was taken by that position: more may share it.
      const ties = first.length === byPlace.length ? await byPosition.getAll(IDBKeyRange.only([id, lastStart])) : [];
      const seen = new Set(first.map((a) => a.id));
      items.push(...first, ...ties.filter((a) => !seen.has(a.id)));
      break;
    }
    // Everything fitted: the total is known, unless some belong to chapters not in the guide's list.
    let total: number | null = null;
    if (whole) {
      let chapters = 0;
      for (let c = await byChapter.openKeyCursor(null, 'nextunique'); c; c = await c.continue()) chapters++;
      if (chapters === present.length) total = items.length;
    }
    await tx.done;
    return { items, total };
  });
}

/** Writes many annotations in ONE transaction: an import lands whole or not at all. */
export async function putAnnotations(db: PocketDb, list: Annotation[]): Promise<void> {
  const requests: Promise<unknown>[] = [];
  const tx = db.transaction('annotations', 'readwrite');
  try {
    requests.push(tx.done);
    for (const a of list) requests.push(tx.store.put(a));
    await Promise.all(requests);
    announceWrite(...list.map((a) => ({ store: 'annotations' as const, key: a.id, value: a })));
  } catch (err) {
    requests.forEach((r) => r.catch(() => undefined));
    try {
      tx.abort();
    } catch {
      // already finished
    }
    throw classify(err);
  }
}

export async function getBackupInfo(db: PocketDb): Promise<BackupInfo> {
  const rec = await db.get('meta', 'backup');
  return rec?.key === 'backup' ? rec : { key: 'backup', lastBackupAt: null, changesSinceBackup: 0 };
}

export async function recordBackup(db: PocketDb, now = Date.now()): Promise<void> {
  await db.put('meta', { key: 'backup', lastBackupAt: now, changesSinceBackup: 0 });
}

/** The backup record with `added` more changes since the last export. */
function bumped(rec: unknown, added: number): BackupInfo {
  const info = (rec as BackupInfo | undefined)?.key === 'backup' ? (rec as BackupInfo) : { key: 'backup' as const, lastBackupAt: null, changesSinceBackup: 0 };
  return { ...info, changesSinceBackup: info.changesSinceBackup + added };
}
