import { dwellNeeded } from './read-model.ts';

const TICK_MS = 1000;

interface Section {
  id: string;
  heading: HTMLElement;
  words: number;
  dwell: number;
}

/**
 * Counts how long each `##` section of a mounted chapter is on screen (only while the page is
 * visible) and reports a section once it was there long enough to be skimmed (`dwellNeeded`).
 * Text before the first `##` counts with the first section. Returns a stop function.
 */
export function watchSectionDwell(host: HTMLElement, already: ReadonlySet<string>, onSeen: (id: string) => void, topInset = () => 0): () => void {
  const headings = Array.from(host.querySelectorAll<HTMLElement>('h2[id]')).filter((h) => !h.closest('[data-ui]'));
  const sections: Section[] = headings.map((heading, i) => ({ id: heading.id, heading, words: wordsBetween(heading, headings[i + 1] ?? null), dwell: 0 }));
  const pending = sections.filter((s) => !already.has(s.id));
  if (!pending.length) return () => undefined;
  const tick = () => {
    if (document.visibilityState !== 'visible') return;
    const top = topInset();
    const bottom = innerHeight;
    for (let i = 0; i < sections.length; i++) {
      const s = sections[i]!;
      if (already.has(s.id) || s.dwell < 0) continue;
      const start = i === 0 ? host.getBoundingClientRect().top : s.heading.getBoundingClientRect().top;
      const next = sections[i + 1];
      const end = next ? next.heading.getBoundingClientRect().top : host.getBoundingClientRect().bottom;
      // On screen: the section covers a good part of the view, or all of it fits in view.
      const visible = Math.min(end, bottom) - Math.max(start, top);
      if (visible <= 0 || visible < Math.min(end - start, (bottom - top) * 0.3)) continue;
      s.dwell += TICK_MS;
      if (s.dwell >= dwellNeeded(s.words)) {
        s.dwell = -1;
        onSeen(s.id);
      }
    }
  };
  const timer = setInterval(tick, TICK_MS);
  return () => clearInterval(timer);
}

/** Words from `from` up to (not including) `to`, or to the end of the chapter. */
function wordsBetween(from: HTMLElement, to: HTMLElement | null): number {
  const range = document.createRange();
  range.setStartBefore(from);
  if (to) range.setEndBefore(to);
  else if (from.parentNode) range.setEndAfter(from.parentNode.lastChild ?? from);
  return range.toString().split(/\s+/).filter(Boolean).length;
}
