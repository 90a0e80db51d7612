import type { ChapterMeta, ChapterPayload, ContentManifest } from '../shared/content-types.ts';
import type { IDBPTransaction } from 'idb';
import type { PocketDb } from './db.ts';
import { classify, guarded } from './errors.ts';
import type { InstalledContent, PocketDB, StoredChapter } from './schema.ts';

/** What a new manifest means for the installed guide. */
export interface UpdatePlan {
  /** Chapters that are new or whose hash changed: the only ones to download. */
  download: ChapterMeta[];
  /** Installed chapters that the new version no longer has. */
  remove: string[];
  unchanged: number;
}

/** Pure: compares the installed manifest with a new one by chapter hash. */
export function planUpdate(installed: ContentManifest | null, next: ContentManifest): UpdatePlan {
  const have = new Map((installed?.chapters ?? []).map((c) => [c.id, c.hash]));
  const download = next.chapters.filter((c) => have.get(c.id) !== c.hash);
  const keep = new Set(next.chapters.map((c) => c.id));
  const remove = [...have.keys()].filter((id) => !keep.has(id));
  return { download, remove, unchanged: next.chapters.length - download.length };
}

export async function getInstalled(db: PocketDb): Promise<InstalledContent | null> {
  return guarded(async () => {
    const rec = await db.get('meta', 'content');
    return rec?.key === 'content' ? rec : null;
  });
}

export async function getChapter(db: PocketDb, id: string): Promise<StoredChapter | null> {
  return guarded(async () => (await db.get('chapters', id)) ?? null);
}

/**
 * Switches the guide to `manifest` in ONE transaction: the changed chapters, the removals and
 * the pointer commit together or not at all, so a reader never sees two versions mixed and a
 * failure (quota, a closed tab) leaves the previous version whole.
 */
export async function commitContent(
  db: PocketDb,
  manifest: ContentManifest,
  payloads: ChapterPayload[],
  remove: string[],
  now = Date.now(),
): Promise<void> {
  const wanted = new Map(manifest.chapters.map((c) => [c.id, c.hash]));
  for (const p of payloads) {
    if (wanted.get(p.id) !== p.hash) throw new Error(`chapter ${p.id} does not match the manifest (hash ${p.hash})`);
  }
  let tx: IDBPTransaction<PocketDB, ('chapters' | 'meta')[], 'readwrite'> | null = null;
  const requests: Promise<unknown>[] = [];
  try {
    tx = db.transaction(['chapters', 'meta'], 'readwrite');
    requests.push(tx.done);
    const chapters = tx.objectStore('chapters');
    for (const p of payloads) requests.push(chapters.put({ ...p, version: manifest.version }));
    for (const id of remove) requests.push(chapters.delete(id));
    requests.push(tx.objectStore('meta').put({ key: 'content', manifest, installedAt: now }));
    await Promise.all(requests);
  } catch (err) {
    // A request that throws at once (quota, clone error) must not let the others commit.
    requests.forEach((r) => r.catch(() => undefined));
    try {
      tx?.abort();
    } catch {
      // Already finished or aborted.
    }
    throw classify(err);
  }
}

/** Checks that every chapter the installed manifest names is present with its hash. */
export async function verifyInstalled(db: PocketDb): Promise<boolean> {
  const installed = await getInstalled(db);
  if (!installed) return false;
  const tx = db.transaction('chapters');
  const found = await Promise.all(installed.manifest.chapters.map((c) => tx.store.get(c.id)));
  await tx.done;
  return found.every((rec, i) => rec?.hash === installed.manifest.chapters[i]?.hash);
}

/** Ids of the chapters stored on this device (keys only: no chapter is read). */
export async function storedChapterIds(db: PocketDb): Promise<Set<string>> {
  return guarded(async () => new Set(await db.getAllKeys('chapters')));
}

/**
 * Starts (or restarts) a chapter-by-chapter save of `manifest`: in one transaction, the pointer
 * moves to it and stored chapters it changed or dropped are deleted, so every stored chapter still
 * matches the pointer. Then `putChapter` stores each chapter as it arrives.
 */
export async function beginProgressive(db: PocketDb, manifest: ContentManifest, remove: string[], now = Date.now()): Promise<void> {
  await commitContent(db, manifest, [], remove, now);
}

/** Stores one chapter of the installed version (progressive save). */
export async function putChapter(db: PocketDb, payload: ChapterPayload, version: string): Promise<void> {
  try {
    const tx = db.transaction(['chapters', 'meta'], 'readwrite');
    const pointer = await tx.objectStore('meta').get('content');
    const meta = pointer?.key === 'content' ? pointer.manifest.chapters.find((c) => c.id === payload.id) : undefined;
    if (!meta || meta.hash !== payload.hash || pointer?.key !== 'content' || pointer.manifest.version !== version) {
      tx.abort();
      throw new Error(`chapter ${payload.id} does not belong to the installed version`);
    }
    await Promise.all([tx.objectStore('chapters').put({ ...payload, version }), tx.done]);
  } catch (err) {
    throw classify(err);
  }
}
