import { treeToDom } from '../content/tree-to-dom.ts';
import type { TreeNode } from '../shared/content-types.ts';
import { estimateHeight } from './chapter-blocks.ts';

/**
 * Draws a chapter screen first, the rest after. The blocks that fill the first screen (from the top,
 * or from the block being opened) go into the DOM at once and are laid out; the others follow in
 * short tasks of their own. Blocks above an opened block wait behind one placeholder of about their height,
 * and replace it once built, keeping the opened block where it is on screen.
 */
export interface ChapterRender {
  /** Top-level blocks [from, to) drawn at once; `held` when a placeholder stands for the blocks above. */
  readonly first: { from: number; to: number; held: boolean };
  /** Resolves once every block is in the DOM (never, once cancelled). */
  readonly done: Promise<void>;
  cancel(): void;
}

/** Blocks built per slice: well under a millisecond on a fast machine, a few at 4× CPU. */
const SLICE = 8;
/**
 * One task builds slices for at most this long (ms), then yields to input and the next frame, so with the
 * layout of what it added a task stays short even at 4× CPU (Lighthouse counts every task over 50 ms as blocking).
 */
const TASK_MS = 6;

/** Runs `run` in a task of its own, as soon as the thread is free (no 4 ms timer clamp, no wait for idle time). */
const schedule = (run: () => void): (() => void) => {
  const ch = new MessageChannel();
  ch.port1.onmessage = run;
  ch.port2.postMessage(null);
  return () => (ch.port1.onmessage = null);
};

/** Metrics of the chapter text for estimates: characters a line, and line height (px). */
function textMetrics(host: HTMLElement): { perLine: number; line: number } {
  const style = getComputedStyle(host);
  const size = parseFloat(style.fontSize) || 18;
  const line = parseFloat(style.lineHeight) || size * 1.6;
  return { perLine: Math.max(20, Math.floor((host.clientWidth || 360) / (size * 0.5))), line };
}

/**
 * Renders `nodes` into `host` (emptied first), the first screen synchronously from block `open`
 * (-1: from the top). The caller scrolls to what it opened; `done` says when the chapter is whole.
 */
export function renderChapter(host: HTMLElement, nodes: readonly TreeNode[], open: number): ChapterRender {
  host.replaceChildren();
  const screen = innerHeight || 800;
  const metrics = textMetrics(host);
  // Open at a block below the first screen: a placeholder holds the room of the blocks above it.
  const above = open > 0 ? estimateHeight(nodes.slice(0, open), metrics.perLine, metrics.line) : 0;
  const from = above > screen ? open : 0;
  let holder: HTMLElement | null = null;
  if (from > 0) {
    holder = document.createElement('div');
    holder.dataset.ui = 'pending';
    holder.setAttribute('aria-hidden', 'true');
    holder.style.height = `${above}px`;
    host.append(holder);
    // The placeholder keeps the text in place by itself: the browser's own scroll anchoring would do it twice.
    host.style.overflowAnchor = 'none';
  }

  // The first screen: blocks until they reach a screen's height past the opened block (or the top). As many
  // as the estimate says fill it go in at once, then one more at a time while the layout says they fall short.
  const anchorAt = Math.max(open, from);
  let to = from;
  let anchor: Element | null = null;
  let guess = 0;
  let last: Element | null = null;
  while (to < nodes.length) {
    const frag = treeToDom([nodes[to]!]);
    const el = frag.firstElementChild;
    host.append(frag);
    if (!anchor && to >= anchorAt) anchor = el;
    if (anchor) guess += estimateHeight([nodes[to]!], metrics.perLine, metrics.line);
    if (el) last = el;
    to++;
    if (guess < screen) continue;
    if (anchor && last && last.getBoundingClientRect().bottom - anchor.getBoundingClientRect().top >= screen) break;
  }

  let cancelled = false;
  let stop = () => {};
  let resolve = () => {};
  const done = new Promise<void>((r) => (resolve = r));
  let next = to;
  let built = 0;
  const step = () => {
    if (cancelled) return;
    const until = performance.now() + TASK_MS;
    do {
      if (next < nodes.length) {
        const slice = nodes.slice(next, next + SLICE);
        host.append(treeToDom(slice));
        next += slice.length;
      } else if (holder && built < from) {
        const slice = nodes.slice(built, Math.min(from, built + SLICE));
        insertAbove(holder, treeToDom(slice));
        built += slice.length;
      } else {
        if (holder) {
          insertAbove(holder, null);
          host.style.overflowAnchor = '';
        }
        resolve();
        return;
      }
    } while (performance.now() < until);
    stop = schedule(step);
  };
  if (to < nodes.length || holder) stop = schedule(step);
  else resolve();

  return {
    first: { from, to, held: holder !== null },
    done,
    cancel() {
      cancelled = true;
      stop();
      host.style.overflowAnchor = '';
    },
  };
}

/**
 * Puts blocks built for above the opened block before their placeholder, which shrinks by the room they
 * take, so nothing on screen moves; with `blocks` null, removes the placeholder. What the estimate got
 * wrong is made up by scrolling the same amount.
 */
function insertAbove(holder: HTMLElement, blocks: DocumentFragment | null): void {
  const mark = holder.nextElementSibling;
  const top = mark?.getBoundingClientRect().top ?? 0;
  if (blocks) holder.before(blocks);
  else holder.remove();
  const grew = mark ? mark.getBoundingClientRect().top - top : 0;
  if (blocks) {
    const room = holder.offsetHeight;
    holder.style.height = `${Math.max(0, room - grew)}px`;
    if (grew > room && Math.abs(grew - room) >= 1) scrollBy(0, grew - room);
  } else if (Math.abs(grew) >= 1) scrollBy(0, grew);
}
