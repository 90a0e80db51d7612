import type { ChapterMeta, ContentManifest, Part } from '../shared/content-types.ts';
import type { ReadingProgress } from '../storage/schema.ts';
import { isRead, readShare, updatedSinceRead } from '../reader/read-model.ts';

/** Parts that are looked things up in, not read through: never "Continue reading". */
export const REFERENCE_PARTS: ReadonlySet<Part> = new Set<Part>(['glossary', 'prompts']);

const sectionsOf = (meta: ChapterMeta | undefined) => (meta?.outline ?? []).filter((o) => o.level === 2).map((o) => o.id);

/** "Read", "Updated since you read it", how far through in words, or "Not started". */
export function progressLabel(p: ReadingProgress | undefined, meta?: ChapterMeta): string {
  if (!p) return 'Not started';
  if (meta && updatedSinceRead(p, meta.hash)) return 'Updated since you read it';
  if (isRead(p)) return 'Read';
  const share = meta ? readShare(p, sectionsOf(meta)) : 0;
  if (share > 0) return `${Math.round(share * 100)}% read`;
  return 'Started';
}

/** 0–1 for a chapter's bar: sections read, not how far it was scrolled. */
export const chapterShare = (p: ReadingProgress | undefined, meta: ChapterMeta): number => readShare(p, sectionsOf(meta));

/** The most recently read chapter that still exists in this version of the guide and is not a reference page. */
export function latest(list: ReadingProgress[], manifest: ContentManifest): ReadingProgress | null {
  const ids = new Set(manifest.chapters.filter((c) => !REFERENCE_PARTS.has(c.part)).map((c) => c.id));
  return list.filter((p) => ids.has(p.chapterId)).sort((a, b) => b.updatedAt - a.updatedAt)[0] ?? null;
}

export interface Tally {
  read: number;
  total: number;
  /** Minutes of reading left: unread chapters, less the share of sections already read. */
  minutesLeft: number;
  /** Chapters read against an older text. */
  updated: ChapterMeta[];
}

/** Pure: how far through a list of chapters the reader is. */
export function tally(chapters: readonly ChapterMeta[], progress: ReadonlyMap<string, ReadingProgress>): Tally {
  let read = 0;
  let left = 0;
  const updated: ChapterMeta[] = [];
  for (const c of chapters) {
    const p = progress.get(c.id);
    if (isRead(p)) read++;
    if (p && updatedSinceRead(p, c.hash)) updated.push(c);
    left += c.minutes * (1 - chapterShare(p, c));
  }
  return { read, total: chapters.length, minutesLeft: Math.round(left), updated };
}

/** "2 h 5 min left", "40 min left", "Nothing left to read". */
export function minutesLeftLabel(minutes: number): string {
  if (minutes <= 0) return 'Nothing left to read';
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${h ? `${h} h` : ''}${h && m ? ' ' : ''}${m ? `${m} min` : ''} left`;
}
