import type { ContentManifest } from '../shared/content-types.ts';
import { getChapter } from '../storage/content-repo.ts';
import { openPocketDb } from '../storage/db.ts';
import { chapterIndex, type ChapterIndex } from './chapter-index.ts';

const cache = new Map<string, ChapterIndex | null>();

/**
 * The index of each chapter named (section starts, block breaks), read from the stored guide;
 * null for a chapter not on this device or stored with another text. Cached per chapter hash.
 */
export async function loadIndexes(manifest: ContentManifest, ids: Iterable<string>): Promise<Map<string, ChapterIndex | null>> {
  const out = new Map<string, ChapterIndex | null>();
  const hashOf = new Map(manifest.chapters.map((c) => [c.id, c.hash]));
  let db: Awaited<ReturnType<typeof openPocketDb>> | null = null;
  for (const id of new Set(ids)) {
    const hash = hashOf.get(id);
    const key = `${id}@${hash}`;
    if (!cache.has(key)) {
      try {
        db ??= await openPocketDb();
        const chapter = hash ? await getChapter(db, id) : null;
        cache.set(key, chapter && chapter.hash === hash ? chapterIndex(chapter.body) : null);
      } catch {
        cache.set(key, null);
      }
    }
    out.set(id, cache.get(key) ?? null);
  }
  return out;
}
