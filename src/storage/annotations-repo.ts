import type { Annotation } from '../annotations/types.ts';
import type { ConflictResolver } from '../annotations/conflict.ts';
import type { PocketDb } from './db.ts';
import { classify, guarded } from './errors.ts';
import type { BackupInfo } from './schema.ts';
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
 */
export async function saveAnnotation(
  db: PocketDb,
  next: Annotation,
  base: Annotation | null,
  loadResolver: () => Promise<ConflictResolver> = async () => (await import('../annotations/conflict.ts')).resolveConflict,
): Promise<SaveOutcome> {
  let resolve: ConflictResolver | null = null;
  try {
    for (;;) {
      const tx = db.transaction(['annotations', 'meta'], 'readwrite');
      // A failed request aborts the transaction: its `done` then rejects too, and is handled here.
      tx.done.catch(() => undefined);
      const store = tx.objectStore('annotations');
      const stored = await store.get(next.id);
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
      await store.put(outcome.record);
      await bumpChanges(tx.objectStore('meta'), stored ? 0 : 1);
      await tx.done;
      announceWrite({ store: 'annotations', key: next.id, value: outcome.record });
      return outcome;
    }
  } catch (err) {
    throw classify(err);
  }
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

export async function allAnnotations(db: PocketDb): Promise<Annotation[]> {
  return guarded(async () => db.getAll('annotations'));
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

type MetaStore = { get(key: string): Promise<unknown>; put(value: BackupInfo): Promise<unknown> };
async function bumpChanges(meta: MetaStore, added: number): Promise<void> {
  const rec = (await meta.get('backup')) as BackupInfo | undefined;
  const info = rec ?? { key: 'backup', lastBackupAt: null, changesSinceBackup: 0 };
  await meta.put({ ...info, changesSinceBackup: info.changesSinceBackup + added });
}
