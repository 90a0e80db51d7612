import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { findAnnotation, putAnnotation, updateAnnotation } from '../annotations/annotation-store.ts';
import { navigate } from '../app/router.ts';
import { anchorFor } from '../annotations/selectors.ts';
import { chapterText, offsetsFromRange } from '../annotations/text-offsets.ts';
import { COLOURS, type Colour } from '../annotations/types.ts';
import { COLOUR_NAMES, lastColour, rememberColour } from './colours.ts';
import { newAnnotation, type ChapterRef } from './new-annotation.ts';
import { openAnnotation } from './ui-state.ts';
import { snapToWords } from './snap-words.ts';
import { LIMITS } from '../notebook/backup-format.ts';
import { formatCount } from '../ui/numbers.ts';
import './highlights.css';

interface Sel {
  start: number;
  end: number;
  text: string;
  /** The chapter's text when the selection was read (a tap on Highlight need not walk the chapter again). */
  chapterText: string;
  top: number;
  bottom: number;
  left: number;
}

const GAP = 10;
const BAR_H = 52;

/** The toolbar beside a text selection: Highlight (five colours), Add note, Copy. */
export function SelectionToolbar({ host, chapter, reattach }: { host: HTMLElement | null; chapter: ChapterRef; reattach: string | null }) {
  const [sel, setSel] = useState<Sel | null>(null);
  const [colour, setColour] = useState<Colour>(lastColour());

  useEffect(() => {
    if (!host) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const read = () => {
      const s = getSelection();
      const range = s && s.rangeCount ? s.getRangeAt(0) : null;
      const raw = range && !range.collapsed ? offsetsFromRange(host, range) : null;
      if (!range || !raw || raw.end <= raw.start || !s) return setSel(null);
      // Mouse, pen and keyboard selections may cut a word: the highlight takes whole words.
      const whole = chapterText(host);
      const offsets = snapToWords(whole, raw.start, raw.end);
      const rects = range.getClientRects();
      const firstRect = rects[0] ?? range.getBoundingClientRect();
      const lastRect = rects[rects.length - 1] ?? firstRect;
      setSel({ ...offsets, text: s.toString(), chapterText: whole, top: firstRect.top, bottom: lastRect.bottom, left: (firstRect.left + lastRect.right) / 2 });
    };
    const onChange = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(read, 80);
    };
    document.addEventListener('selectionchange', onChange);
    addEventListener('scroll', onChange, { passive: true });
    // The chapter still arriving (or a diagram, a font) moves the selected text without a scroll:
    // the bar follows it, so it never sits off screen.
    const layout = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(onChange);
    layout?.observe(host);
    return () => {
      document.removeEventListener('selectionchange', onChange);
      removeEventListener('scroll', onChange);
      layout?.disconnect();
      if (timer) clearTimeout(timer);
    };
  }, [host]);

  // Kept inside the screen whatever the selection does (a tall bar, text moving as the chapter
  // arrives, a selection scrolled away): the bar is always within reach.
  const bar = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = bar.current;
    if (!el) return;
    const h = el.offsetHeight;
    const top = Number.parseFloat(el.style.top) || 0;
    const fitted = Math.max(8, Math.min(top, innerHeight - h - 8));
    if (fitted !== top) el.style.top = `${fitted}px`;
  });

  if (!sel || !host) return null;

  const create = (c: Colour, withNote: boolean) => {
    const a = newAnnotation(chapter, { anchor: anchorFor(sel.chapterText, sel.start, sel.end), colour: c });
    rememberColour(c);
    setColour(c);
    putAnnotation(a);
    getSelection()?.removeAllRanges();
    setSel(null);
    if (withNote) openAnnotation.set({ id: a.id, focusNote: true });
  };
  const orphan = reattach ? findAnnotation(reattach) : undefined;
  const attach = () => {
    if (!orphan) return;
    updateAnnotation(orphan.id, { anchor: anchorFor(sel.chapterText, sel.start, sel.end), status: 'anchored', ...chapter });
    getSelection()?.removeAllRanges();
    setSel(null);
    navigate(`${location.pathname}#hl-${orphan.id}`, true);
  };
  const copy = () => {
    void navigator.clipboard?.writeText(sel.text).catch(() => undefined);
    getSelection()?.removeAllRanges();
    setSel(null);
  };

  // Below the selection (phones put their own menu above it), or above when there is no room.
  const below = sel.bottom + GAP + BAR_H < innerHeight;
  const top = below ? sel.bottom + GAP : Math.max(8, sel.top - GAP - BAR_H);
  const keep = (e: Event) => e.preventDefault(); // keep the selection while pressing a button
  const style = { top: `${top}px`, left: `${Math.min(Math.max(sel.left, 170), innerWidth - 170)}px` };

  // A highlight is held to the importer's limit, so every backup restores.
  if (sel.end - sel.start > LIMITS.maxQuote) {
    return (
      <div class="sel-toolbar" role="toolbar" aria-label="Selected text" style={style} ref={bar}>
        <p class="sel-too-long">
          A highlight can hold at most {formatCount(LIMITS.maxQuote)} characters; this selection has{' '}
          {formatCount(sel.end - sel.start)}. Select less to highlight it.
        </p>
        <button type="button" class="btn" onPointerDown={keep} onClick={copy}>
          Copy
        </button>
      </div>
    );
  }

  return (
    <div class="sel-toolbar" role="toolbar" aria-label="Selected text" style={style} ref={bar}>
      {orphan && orphan.chapterId === chapter.chapterId && (
        <button type="button" class="btn primary" onPointerDown={keep} onClick={attach}>
          Attach here
        </button>
      )}
      <button type="button" class="btn primary" onPointerDown={keep} onClick={() => create(colour, false)}>
        <span class={`swatch sw-${colour}`} aria-hidden="true" />
        Highlight
      </button>
      <div class="swatches" role="group" aria-label="Highlight colour">
        {COLOURS.map((c) => (
          <button
            key={c}
            type="button"
            class={`swatch-btn sw-${c}`}
            aria-label={`Highlight ${COLOUR_NAMES[c].toLowerCase()}`}
            aria-pressed={c === colour}
            onPointerDown={keep}
            onClick={() => create(c, false)}
          />
        ))}
      </div>
      <button type="button" class="btn" onPointerDown={keep} onClick={() => create(colour, true)}>
        Add note
      </button>
      <button type="button" class="btn" onPointerDown={keep} onClick={copy}>
        Copy
      </button>
    </div>
  );
}
