/** Pure helpers for where a reader is in a chapter. */

export interface Box {
  id: string;
  top: number;
}

/** The last element whose top edge has passed the reading line (just below the top bar). */
export function anchorAt(boxes: Box[], readingLine: number): string | null {
  let found: string | null = null;
  for (const b of boxes) {
    if (b.top <= readingLine) found = b.id;
    else break;
  }
  return found;
}

/** 0–1 through the chapter: how much of the scrollable distance is behind the reader. */
export function scrollFraction(scrollTop: number, scrollHeight: number, viewport: number): number {
  const range = scrollHeight - viewport;
  if (range <= 0) return 1;
  return Math.min(1, Math.max(0, scrollTop / range));
}

/** Neighbours in reading order, for previous/next chapter; practice prompts are not part of the reading. */
export function neighbours<T extends { id: string; part?: string }>(all: T[], id: string): { prev: T | null; next: T | null } {
  const list = all.filter((c) => c.part !== 'prompts');
  const i = list.findIndex((c) => c.id === id);
  if (i < 0) return { prev: null, next: null };
  return { prev: list[i - 1] ?? null, next: list[i + 1] ?? null };
}
