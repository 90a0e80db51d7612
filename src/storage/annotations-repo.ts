import type { Annotation } from '../annotations/types.ts';
import { resolveConflict } from '../annotations/conflict.ts';
import type { PocketDb } from './db.ts';
import { classify, guarded } from './errors.ts';
import type { BackupInfo } from './schema.ts';

/** What happened to a save: written as is, merged with a newer edit from another tab, or gone. */
export type SaveOutcome = { kind: 'saved'; record: Annotation } | { kind: 'merged'; record: Annotation };

/**
 * Saves one annotation. `baseUpdatedAt` is the version the edit started from: when another tab
 * saved a newer version meanwhile, the two are merged (nothing typed in either tab is lost).
 */
export async function saveAnnotation(db: PocketDb, next: Annotation, baseUpdatedAt: number | null): Promise<SaveOutcome> {
  try {
    const tx = db.transaction(['annotations', 'meta'], 'readwrite');
    const store = tx.objectStore('annotations');
    const stored = await store.get(next.id);
    let outcome: SaveOutcome = { kind: 'saved', record: next };
    if (stored && baseUpdatedAt !== null && stored.updatedAt > baseUpdatedAt) {
      outcome = { kind: 'merged', record: resolveConflict(stored, next) };
    }
    await store.put(outcome.record);
    await bumpChanges(tx.objectStore('meta'), stored ? 0 : 1);
    await tx.done;
    return outcome;
  } catch (err) {
    throw classify(err);
  }
}

export async function deleteAnnotation(db: PocketDb, id: string): Promise<void> {
  return guarded(() => db.delete('annotations', id));
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
