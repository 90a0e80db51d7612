import { openedPocketDb, openPocketDb } from '../storage/db.ts';
import { saveProgress, saveProgressAtExit } from '../storage/progress-writes.ts';
import { anchorAt, scrollFraction, type Box } from './reading-position.ts';

export interface Tracker {
  stop(): void;
}

const SAVE_DELAY = 600;
// Just below the top bar and the reader bar (56 + 52 px).
const READING_LINE = 120;

/** Follows the reader's scroll: reports the current section and saves the position (debounced, flushed on pagehide). */
export function trackReading(host: HTMLElement, chapterId: string, onChange: (anchor: string | null, fraction: number) => void): Tracker {
  const targets = Array.from(host.querySelectorAll<HTMLElement>('h2[id], h3[id], p[id], li[id], table[id], figure[id], pre[id], blockquote[id]'));
  const headings = targets.filter((el) => el.tagName === 'H2' || el.tagName === 'H3');
  let timer: ReturnType<typeof setTimeout> | null = null;
  let frame = 0;
  let pending: { anchor: string | null; fraction: number } | null = null;

  const measure = () => {
    frame = 0;
    const boxes: Box[] = [];
    for (const el of targets) {
      const top = el.getBoundingClientRect().top;
      boxes.push({ id: el.id, top });
      if (top > READING_LINE) break;
    }
    const anchor = anchorAt(boxes, READING_LINE);
    const doc = document.documentElement;
    const fraction = scrollFraction(scrollY, doc.scrollHeight, innerHeight);
    let section: string | null = null;
    for (const h of headings) {
      if (h.getBoundingClientRect().top > READING_LINE) break;
      section = h.id;
    }
    onChange(section, fraction);
    pending = { anchor, fraction };
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => flush(), SAVE_DELAY);
  };
  const flush = (atExit = false) => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!pending) return;
    const { anchor, fraction } = pending;
    pending = null;
    // Leaving: nothing may wait for the page to run again (saveProgressAtExit says why).
    const open = atExit ? openedPocketDb() : null;
    if (open && saveProgressAtExit(open, chapterId, anchor, fraction)) return;
    void openPocketDb()
      .then((db) => saveProgress(db, chapterId, anchor, fraction))
      .catch(() => undefined);
  };
  const onScroll = () => {
    if (!frame) frame = requestAnimationFrame(measure);
  };
  const onHide = () => flush(true);
  addEventListener('scroll', onScroll, { passive: true });
  addEventListener('pagehide', onHide);
  measure();
  return {
    stop() {
      removeEventListener('scroll', onScroll);
      removeEventListener('pagehide', onHide);
      if (frame) cancelAnimationFrame(frame);
      flush();
    },
  };
}
