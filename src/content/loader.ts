import { chapterUrl, MANIFEST_URL, type ChapterPayload, type ContentManifest } from '../shared/content-types.ts';
import { getChapter, getInstalled } from '../storage/content-repo.ts';
import { openPocketDb } from '../storage/db.ts';

export type Source = 'offline' | 'network';

/**
 * Reads the guide from IndexedDB; only before it is stored (first visit, or storage refused)
 * does it fall back to the network.
 */
export async function loadManifest(): Promise<{ manifest: ContentManifest; source: Source }> {
  try {
    const installed = await getInstalled(await openPocketDb());
    if (installed) return { manifest: installed.manifest, source: 'offline' };
  } catch {
    // Storage unavailable: read online.
  }
  const res = await fetch(MANIFEST_URL);
  if (!res.ok) throw new Error(`The guide's index could not be loaded (HTTP ${res.status}).`);
  return { manifest: (await res.json()) as ContentManifest, source: 'network' };
}

export async function loadChapter(manifest: ContentManifest, id: string): Promise<{ chapter: ChapterPayload; source: Source } | null> {
  const meta = manifest.chapters.find((c) => c.id === id);
  if (!meta) return null;
  try {
    const stored = await getChapter(await openPocketDb(), id);
    if (stored) return { chapter: stored, source: 'offline' };
  } catch {
    // Storage unavailable: read online.
  }
  const res = await fetch(chapterUrl(id, meta.hash));
  if (!res.ok) throw new Error(`This chapter is not saved on this device yet, and the network did not answer (HTTP ${res.status}).`);
  return { chapter: (await res.json()) as ChapterPayload, source: 'network' };
}
