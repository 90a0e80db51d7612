/**
 * What "read" means (pure: no DOM, no storage, time passed in). A section counts as seen when it
 * was on screen long enough to skim it; a chapter is read when nearly all its sections were seen,
 * or when the reader marks it. Scrolling to the end is not reading.
 */
import type { TreeNode } from '../shared/content-types.ts';
import { treeText } from '../shared/tree-text.ts';
import type { ReadingProgress } from '../storage/schema.ts';

/** Reading speed the guide's minutes use (words per minute). */
export const WPM = 220;
/** A section is seen after this share of its reading time on screen, within the bounds below. */
export const SKIM_SHARE = 0.25;
export const MIN_DWELL_MS = 3_000;
export const MAX_DWELL_MS = 30_000;
/** Share of a chapter's sections that must be seen for it to be read. */
export const READ_SHARE = 0.9;

/** Milliseconds a section of `words` words must be on screen to count as seen. */
export function dwellNeeded(words: number): number {
  const full = (words / WPM) * 60_000;
  return Math.round(Math.min(MAX_DWELL_MS, Math.max(MIN_DWELL_MS, full * SKIM_SHARE)));
}

/** True once at least READ_SHARE of `sections` are in `seen` (a chapter without sections: any seen). */
export function earnedRead(seen: ReadonlySet<string> | readonly string[], sections: readonly string[]): boolean {
  const s = seen instanceof Set ? seen : new Set(seen);
  if (sections.length === 0) return s.size > 0;
  const n = sections.filter((id) => s.has(id)).length;
  return n >= Math.ceil(sections.length * READ_SHARE);
}

/**
 * Read or not. Records written before reading was measured (no `seen`, no `readAt`) keep the
 * mark they had (scrolled to the end), so an update does not take away what a reader earned.
 */
export function isRead(p: ReadingProgress | undefined | null): boolean {
  if (!p) return false;
  if (p.readAt !== undefined) return p.readAt !== null;
  return p.seen === undefined && p.maxFraction >= 0.97;
}

/** 0–1: how much of a chapter is behind the reader, for bars and minutes left. */
export function readShare(p: ReadingProgress | undefined | null, sections: readonly string[]): number {
  if (!p) return 0;
  if (isRead(p)) return 1;
  if (!sections.length) return 0;
  const seen = new Set(p.seen ?? []);
  return sections.filter((id) => seen.has(id)).length / sections.length;
}

/** Key for the text before a chapter's first `##` section. */
export const INTRO = '_intro';

/** 32-bit FNV-1a of a string, as 8 hex digits: enough to tell a changed section from an unchanged one. */
export function textHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** Each `##` section's text hash (the text before the first one under INTRO), from the chapter tree. */
export function sectionHashes(body: readonly TreeNode[]): Record<string, string> {
  const texts: Record<string, string> = {};
  let key = INTRO;
  for (const n of body) {
    if (typeof n !== 'string' && n[0] === 'h2' && n[1]?.id) key = n[1].id;
    texts[key] = (texts[key] ?? '') + treeText([n]);
  }
  return Object.fromEntries(Object.entries(texts).map(([k, t]) => [k, textHash(t.replace(/\s+/g, ' ').trim())]));
}

/** Sections new or changed since `before` (in the order of `now`); sections dropped are not listed. */
export function changedSections(before: Record<string, string> | undefined, now: Record<string, string>): string[] {
  if (!before) return [];
  return Object.keys(now).filter((k) => before[k] !== now[k]);
}

/** Read, but against an older text of the chapter: "Updated since you read it". */
export function updatedSinceRead(p: ReadingProgress | undefined | null, hash: string): boolean {
  return isRead(p) && !!p?.readHash && p.readHash !== hash;
}
