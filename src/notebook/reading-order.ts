import type { Annotation } from '../annotations/types.ts';
import { PARTS, type ChapterMeta, type ContentManifest } from '../shared/content-types.ts';

/** The manifest's chapters in reading order: by part, then `order`, then manifest position. */
export function chaptersInOrder(manifest: ContentManifest): ChapterMeta[] {
  return manifest.chapters
    .map((c, i) => ({ c, i }))
    .sort((a, b) => PARTS.indexOf(a.c.part) - PARTS.indexOf(b.c.part) || a.c.order - b.c.order || a.i - b.i)
    .map(({ c }) => c);
}

/**
 * Total, deterministic order of annotations inside one chapter: notes on the whole chapter,
 * then section notes in outline order (unknown sections after, by id), then highlights by
 * position; ties by creation time, then id.
 */
export function compareInChapter(chapter: ChapterMeta | undefined): (a: Annotation, b: Annotation) => number {
  const sectionRank = new Map((chapter?.outline ?? []).map((s, i) => [s.id, i]));
  const rank = (a: Annotation): [number, number, number, string] => {
    if (a.anchor) return [2, a.anchor.position.start, a.anchor.position.end, ''];
    if (a.sectionId === null) return [0, 0, 0, ''];
    return [1, sectionRank.get(a.sectionId) ?? Number.MAX_SAFE_INTEGER, 0, a.sectionId];
  };
  return (a, b) => {
    const [ka, ra, ea, sa] = rank(a);
    const [kb, rb, eb, sb] = rank(b);
    return ka - kb || ra - rb || ea - eb || cmp(sa, sb) || a.createdAt - b.createdAt || cmp(a.id, b.id);
  };
}

/** Every annotation in reading order: chapters as the guide orders them, unknown chapters last by id. */
export function sortForReading(annotations: Annotation[], manifest: ContentManifest): Annotation[] {
  const chapters = chaptersInOrder(manifest);
  const rank = new Map(chapters.map((c, i) => [c.id, i]));
  const inChapter = new Map(chapters.map((c) => [c.id, compareInChapter(c)]));
  const unknownChapter = compareInChapter(undefined);
  return [...annotations].sort((a, b) => {
    const ra = rank.get(a.chapterId) ?? Number.MAX_SAFE_INTEGER;
    const rb = rank.get(b.chapterId) ?? Number.MAX_SAFE_INTEGER;
    return ra - rb || cmp(a.chapterId, b.chapterId) || (inChapter.get(a.chapterId) ?? unknownChapter)(a, b);
  });
}

/** Code-unit string order: the same on every machine and locale. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
