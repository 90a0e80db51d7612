import type { Annotation } from '../annotations/types.ts';
import type { StoredSearchIndex } from '../search/types.ts';
import type { ContentManifest } from '../shared/content-types.ts';
import type { UserCard } from '../study/types.ts';
import type { PocketDb } from './db.ts';
import { classify, guarded } from './errors.ts';
import type { StoredChapter } from './schema.ts';

/**
 * What search reads and caches. The guide's search index is a cache keyed by content version:
 * written only while that version is still the installed one, and writing it drops every other
 * version's index, so a search never answers from a guide that is no longer on the device.
 */

/** The installed guide, read in one transaction (the manifest and its chapters agree). */
export async function readInstalledGuide(db: PocketDb): Promise<{ manifest: ContentManifest; chapters: StoredChapter[] } | null> {
  return guarded(async () => {
    const tx = db.transaction(['meta', 'chapters']);
    const meta = await tx.objectStore('meta').get('content');
    if (meta?.key !== 'content') return null;
    const chapters = await tx.objectStore('chapters').getAll();
    await tx.done;
    const wanted = new Map(meta.manifest.chapters.map((c) => [c.id, c.hash]));
    return { manifest: meta.manifest, chapters: chapters.filter((c) => wanted.get(c.id) === c.hash) };
  });
}

/** The installed manifest alone (cheap): what version the guide is at. */
export async function installedManifest(db: PocketDb): Promise<ContentManifest | null> {
  return guarded(async () => {
    const meta = await db.get('meta', 'content');
    return meta?.key === 'content' ? meta.manifest : null;
  });
}

/**
 * The installed manifest and the cached search index of its version, in one transaction. `hint`:
 * the version the page expects, asked for alongside the manifest (the usual case costs one round).
 */
export async function installedWithIndex(db: PocketDb, hint: string | null): Promise<{ manifest: ContentManifest | null; cached: StoredSearchIndex | null }> {
  return guarded(async () => {
    const tx = db.transaction(['meta', 'searchIndex']);
    const [meta, guess] = await Promise.all([tx.objectStore('meta').get('content'), hint ? tx.objectStore('searchIndex').get(hint) : Promise.resolve(undefined)]);
    const manifest = meta?.key === 'content' ? meta.manifest : null;
    let cached = manifest && guess?.version === manifest.version ? guess : null;
    if (manifest && !cached && manifest.version !== hint) cached = (await tx.objectStore('searchIndex').get(manifest.version)) ?? null;
    await tx.done;
    return { manifest, cached };
  });
}

/** Where a version's postings are kept: a record of their own, read after the documents. */
export const postingsKey = (version: string): string => `${version}\u0000postings`;

/**
 * Caches an index for `version` if that is still the installed version — the documents in one
 * record (read first, at open), the postings in another (read while the first answers show) — and
 * deletes the records of every other version, in one transaction. Returns false when the guide moved on.
 */
export async function putSearchIndex(db: PocketDb, version: string, builtAt: number, parts: { docs: string; index: string; format: number }): Promise<boolean> {
  try {
    const tx = db.transaction(['searchIndex', 'meta'], 'readwrite');
    const meta = await tx.objectStore('meta').get('content');
    const store = tx.objectStore('searchIndex');
    const current = meta?.key === 'content' && meta.manifest.version === version;
    const keep = current ? [version, postingsKey(version)] : [];
    for (const key of await store.getAllKeys()) if (!keep.includes(key)) await store.delete(key);
    if (current) {
      await store.put({ version, builtAt, format: parts.format, docs: parts.docs });
      await store.put({ version: postingsKey(version), builtAt, format: parts.format, index: parts.index });
    }
    await tx.done;
    return current;
  } catch (err) {
    throw classify(err);
  }
}

/** The cached postings of `version` (JSON text), or null. */
export async function getPostings(db: PocketDb, version: string): Promise<string | null> {
  return guarded(async () => {
    const rec = await db.get('searchIndex', postingsKey(version));
    return typeof rec?.index === 'string' ? rec.index : null;
  });
}

/** Every card the user made (the study feature's store; empty until it is used). */
export async function allUserCards(db: PocketDb): Promise<UserCard[]> {
  return guarded(async () => db.getAll('cards'));
}

export async function userCardsByIds(db: PocketDb, ids: string[]): Promise<Array<[string, UserCard | null]>> {
  return guarded(async () => {
    const tx = db.transaction('cards');
    const found = await Promise.all(ids.map(async (id): Promise<[string, UserCard | null]> => [id, (await tx.store.get(id)) ?? null]));
    await tx.done;
    return found;
  });
}

export async function annotationsByIds(db: PocketDb, ids: string[]): Promise<Array<[string, Annotation | null]>> {
  return guarded(async () => {
    const tx = db.transaction('annotations');
    const found = await Promise.all(ids.map(async (id): Promise<[string, Annotation | null]> => [id, (await tx.store.get(id)) ?? null]));
    await tx.done;
    return found;
  });
}
