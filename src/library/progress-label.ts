import type { ContentManifest } from '../shared/content-types.ts';
import type { ReadingProgress } from '../storage/schema.ts';

/** "Read", or how far through, in words. */
export function progressLabel(p: ReadingProgress): string {
  if (p.maxFraction >= 0.97) return 'Read';
  return `${Math.round(p.maxFraction * 100)}% read`;
}

/** The most recently read chapter that still exists in this version of the guide. */
export function latest(list: ReadingProgress[], manifest: ContentManifest): ReadingProgress | null {
  const ids = new Set(manifest.chapters.map((c) => c.id));
  return list.filter((p) => ids.has(p.chapterId)).sort((a, b) => b.updatedAt - a.updatedAt)[0] ?? null;
}
