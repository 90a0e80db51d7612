import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { PART_TITLES } from '../app/guide.ts';
import { loadChapter, takeArrivedChapter } from '../content/loader.ts';
import { treeText } from '../shared/tree-text.ts';
import { chapterPath, type ChapterMeta, type ChapterPayload, type ContentManifest } from '../shared/content-types.ts';
import { openPocketDb } from '../storage/db.ts';
import { getProgress } from '../storage/progress-repo.ts';
import { ChevronLeft, ChevronRight } from '../ui/icons.tsx';
import { SelectionToolbar } from '../highlights/SelectionToolbar.tsx';
import { openAnnotation } from '../highlights/ui-state.ts';
import { enableKeyboardSelection } from '../highlights/keyboard-selection.ts';
import { useHighlights } from '../highlights/use-highlights.ts';
import { screenDrawn } from '../ui/after-load.ts';
import { lazyComponent } from '../ui/lazy.tsx';
import { enhanceDiagrams } from './diagram-zoom.ts';
import { blockIndexOf } from './chapter-blocks.ts';
import { renderChapter, type ChapterRender } from './chapter-render.ts';
import { Outline } from './Outline.tsx';
import { neighbours } from './reading-position.ts';
import type { Tracker } from './track-reading.ts';
import { topBarHidden } from '../app/chrome.ts';
import { useStore } from '../ui/store.ts';
import { outlinePane, setOutlinePane, TABLET_QUERY } from './outline-pane.ts';
import { ReaderBar } from './ReaderBar.tsx';
import { useMedia } from './use-media.ts';
import { useReadState } from './use-read-state.ts';
import { useChangedMarks } from './use-changed-marks.ts';
import './reader.css';

interface Props {
  manifest: ContentManifest;
  id: string;
  hash: string;
  seq: number;
  /** An orphaned highlight to attach to the next selection (from the notebook). */
  reattach: string | null;
}

// What only some chapters or the end of a chapter need loads on first use (not in the first load).
const ReadMark = lazyComponent(() => import('./ReadMark.tsx').then((m) => m.ReadMark), false);
const UpdatedNotice = lazyComponent(() => import('./UpdatedNotice.tsx').then((m) => m.UpdatedNotice), false);
const ChapterNotes = lazyComponent(() => import('../highlights/ChapterNotes.tsx').then((m) => m.ChapterNotes), false);
const HighlightPanel = lazyComponent(() => import('../highlights/HighlightPanel.tsx').then((m) => m.HighlightPanel), false);
const ChapterTools = lazyComponent(() => import('../search/ChapterTools.tsx').then((m) => m.ChapterTools), false);
const ChapterPractice = lazyComponent(() => import('../practice/ChapterPractice.tsx').then((m) => m.ChapterPractice), false);
const ChapterStudy = lazyComponent(() => import('../study/ChapterStudy.tsx').then((m) => m.ChapterStudy), false);

/** Hooks run before the "chapter not found" return: a stand-in keeps their order stable. */
const FALLBACK_META: ChapterMeta = { id: '', part: 'start', order: 0, title: '', summary: '', minutes: 0, tags: [], outline: [], hash: '', bytes: 0, cardCount: 0, words: 0 };
/** Where the reading area starts below the bars (for "on screen"): nothing when the bars are hidden. */
const readingTop = () => (topBarHidden.get() ? 0 : 104);

/**
 * `open`: the block the chapter opens at (the URL's #id, else the saved reading position) when the text has it;
 * `restore`: the saved position was not read yet (a start that had the chapter first).
 */
type Ready = { status: 'ready'; chapter: ChapterPayload; open: string | null; restore?: boolean };
type State = { status: 'loading' } | { status: 'missing' } | { status: 'error'; message: string } | Ready;

const ready = (chapter: ChapterPayload, hash: string, saved: string | null): Ready => {
  const wanted = hash ? decodeURIComponent(hash.slice(1)) : saved;
  return { status: 'ready', chapter, open: wanted && blockIndexOf(chapter.body, wanted) >= 0 ? wanted : null };
};
/** The block the reader was at in this chapter, if saved. */
const savedAnchor = (id: string): Promise<string | null> =>
  openPocketDb()
    .then((db) => getProgress(db, id))
    .then((p) => p?.anchorId ?? null)
    .catch(() => null);

export function ChapterView({ manifest, id, hash, seq, reattach }: Props) {
  const meta = manifest.chapters.find((c) => c.id === id);
  // A start on this chapter's URL read it already: it is drawn in this first render (no frame spent loading).
  const [state, setState] = useState<State>(() => {
    const chapter = meta ? takeArrivedChapter(id, meta.hash) : null;
    return chapter ? { ...ready(chapter, hash, null), restore: !hash } : { status: 'loading' };
  });
  const [outlineOpen, setOutlineOpen] = useState(false);
  const [current, setCurrent] = useState<string | null>(null);
  const [fraction, setFraction] = useState(0);
  const [mounted, setMounted] = useState<string | null>(null);
  const [selectable, setSelectable] = useState<string | null>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const tracker = useRef<Tracker | null>(null);
  const { prev, next } = neighbours(manifest.chapters, id);
  const wide = useMedia(TABLET_QUERY);
  const pane = useStore(outlinePane);
  const chromeHidden = useStore(topBarHidden);
  const readState = useReadState(meta ?? FALLBACK_META, state.status === 'ready' ? state.chapter : null, mounted ? bodyRef.current : null, readingTop);
  useChangedMarks(mounted ? bodyRef.current : null, readState.changed);

  const openedAt = useRef(performance.now());
  const render = useRef<ChapterRender | null>(null);
  // Before the screen's first paint: the chapter and its saved reading position are read together.
  useLayoutEffect(() => {
    // The extras drawn above the text load alongside it, and the text waits for them (cached after the first
    // chapter), so they never push the text down once it is drawn (Lighthouse counted that as layout shift).
    const extras = Promise.all([ChapterTools.preload(), ChapterPractice.preload()]).catch(() => undefined);
    if (state.status === 'ready' && state.chapter.hash === meta?.hash) return;
    let live = true;
    openedAt.current = performance.now();
    const saved = hash ? Promise.resolve(null) : savedAnchor(id);
    Promise.all([loadChapter(manifest, id), saved, extras])
      .then(([r, anchor]) => live && setState(r ? ready(r.chapter, hash, anchor) : { status: 'missing' }))
      .catch((err: unknown) => live && setState({ status: 'error', message: err instanceof Error ? err.message : String(err) }));
    return () => {
      live = false;
    };
  }, [id, meta?.hash]);

  // The first screen of the chapter (from the block it opens at) goes into the DOM before the next
  // paint; the rest follows in idle slices. What needs the whole text waits for `mounted`.
  useLayoutEffect(() => {
    const host = bodyRef.current;
    if (state.status !== 'ready' || !host) return;
    const { chapter, open } = state;
    setMounted(null);
    const drawn = renderChapter(host, chapter.body, blockIndexOf(chapter.body, open ?? ''));
    render.current = drawn;
    const target = open ? document.getElementById(open) : null;
    if (target) target.scrollIntoView();
    else window.scrollTo(0, 0);
    // Figures for `npm run bench`: from asking for the chapter to its first screen in the DOM and laid
    // out (only the paint is left), and to the whole chapter in the DOM (`chapter-complete`).
    performance.measure('chapter-open', { start: openedAt.current, detail: drawn.first });
    performance.mark('chapter-text');
    screenDrawn();
    // Text read from the top can be selected at once (its offsets are the whole chapter's); after a placeholder, once whole.
    setSelectable(drawn.first.held ? null : chapter.hash);
    const h1 = chapter.body.find((n) => typeof n !== 'string' && n[0] === 'h1');
    document.title = `${h1 ? treeText([h1]) : chapter.title} · MLSD Pocket`;
    let cancelled = false;
    const cleanup: (() => void)[] = [];
    void (async () => {
      // A start that had the chapter before its reading position: the position is restored once read.
      // Not awaited before the text is whole: in WebKit that read can wait on storage long after the
      // chapter is drawn, and highlights, selection and tracking must not wait with it.
      const later = state.restore ? savedAnchor(id) : null;
      await drawn.done;
      if (cancelled) return;
      performance.measure('chapter-complete', { start: openedAt.current });
      // Only if the reader has not started on the page meanwhile (scrolled, or selected text).
      void later?.then((at) => {
        if (!cancelled && at && scrollY === 0 && (getSelection()?.isCollapsed ?? true)) document.getElementById(at)?.scrollIntoView();
      });
      setMounted(chapter.hash);
      setSelectable(chapter.hash);
      cleanup.push(enhanceDiagrams(host));
      // Table shadows load after the text is on screen (not part of the first load).
      void import('./table-scroll.ts').then((m) => {
        if (!cancelled) cleanup.push(m.enhanceTables(host));
      });
      cleanup.push(enableKeyboardSelection(host, () => document.querySelector<HTMLElement>('.sel-toolbar button')?.focus()));
      // Position tracking loads after the text is whole (not part of the first load).
      void import('./track-reading.ts').then(({ trackReading }) => {
        if (cancelled) return;
        tracker.current = trackReading(host, id, (anchor, f) => {
          setCurrent(anchor);
          setFraction(f);
        });
      });
    })();
    return () => {
      cancelled = true;
      drawn.cancel();
      render.current = null;
      tracker.current?.stop();
      tracker.current = null;
      cleanup.forEach((f) => f());
    };
  }, [state]);

  const chapterRef = { chapterId: id, chapterHash: meta?.hash ?? '', contentVersion: manifest.version };
  useHighlights(bodyRef.current, id, chapterRef.chapterHash, manifest.version, mounted !== null && mounted === meta?.hash);

  // Tapping or clicking a highlight (or Enter on it) opens it.
  const openFrom = (target: EventTarget | null) => {
    const el = (target as Element | null)?.closest?.('[data-annotation-id]') as HTMLElement | null;
    if (el?.dataset.annotationId) openAnnotation.set({ id: el.dataset.annotationId, focusNote: false });
  };

  // A link to a section of this same chapter (once the chapter is whole: the section may be still to come).
  useEffect(() => {
    if (state.status !== 'ready' || !hash) return;
    setOutlineOpen(false);
    void render.current?.done.then(() => document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView());
  }, [seq]);

  const missing = !meta || state.status === 'missing';
  useEffect(() => void (missing && (document.title = 'Chapter not found · MLSD Pocket')), [missing]);

  if (missing) {
    return (
      <section class="screen narrow">
        <h1>Chapter not found</h1>
        <p>
          This guide has no chapter called “{id}”. <a href="/">Back to the library</a>.
        </p>
      </section>
    );
  }

  return (
    <div class={`reader${outlineOpen ? ' outline-open' : ''}${pane ? '' : ' pane-hidden'}${chromeHidden ? ' chrome-hidden' : ''}`}>
      <ReaderBar
        title={meta.title}
        section={meta.outline.find((o) => o.id === current)?.title ?? null}
        fraction={fraction}
        wide={wide}
        paneShown={pane}
        drawerOpen={outlineOpen}
        onContents={() => (wide ? setOutlinePane(!pane) : setOutlineOpen(!outlineOpen))}
      />
      <aside class="side" aria-label="Chapter contents" hidden={wide && !pane}>
        <Outline manifest={manifest} meta={meta} current={current} changed={readState.changed} shown={wide ? pane : outlineOpen} onClose={() => setOutlineOpen(false)} />
      </aside>
      <div class="reading">
        <div class="reading-tools">
          <span class="eyebrow">
            {meta.step ? `Step ${meta.step} · ` : ''}
            {PART_TITLES[meta.part]} · <span class="nowrap">{meta.minutes} min</span>
          </span>
        </div>
        {readState.changed && <UpdatedNotice changed={readState.changed} outline={meta.outline} />}
        {state.status === 'ready' && <ChapterPractice meta={meta} />}
        {state.status === 'loading' && <p class="loading" aria-busy="true">Opening the chapter…</p>}
        {state.status === 'error' && (
          <div class="notice warn" role="alert">
            <h1>{meta.title}</h1>
            <p>{state.message}</p>
          </div>
        )}
        <ChapterTools host={mounted ? bodyRef.current : null} manifest={manifest} id={id} />
        <article
          class="prose"
          ref={bodyRef}
          lang="en-GB"
          tabIndex={0}
          aria-label={meta.title}
          aria-keyshortcuts="Shift+ArrowRight Shift+ArrowDown Enter"
          onClick={(e) => {
            if (!getSelection()?.isCollapsed) return;
            openFrom(e.target);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.target as Element).matches?.('mark.hl')) openFrom(e.target);
          }}
        />
        {state.status === 'ready' && <ChapterStudy host={mounted ? bodyRef.current : null} chapter={state.chapter} />}
        {state.status === 'ready' && <ChapterNotes chapter={chapterRef} outline={meta.outline} />}
        {/* Chapter-level extras mount here, each a separate component (study: cards count; practice: its buttons). */}
        {state.status === 'ready' && <ReadMark state={readState} />}
        <SelectionToolbar host={selectable ? bodyRef.current : null} chapter={chapterRef} reattach={reattach} />
        <HighlightPanel sections={meta.outline.filter((o) => o.level === 2)} />
        {state.status === 'ready' && (
          <nav class="pager" aria-label="Previous and next chapter">
            {prev ? (
              <a class="pager-link prev" href={chapterPath(prev.id)} rel="prev">
                <ChevronLeft aria-hidden="true" size={20} />
                <span>
                  <span class="eyebrow">Previous</span>
                  {prev.title}
                </span>
              </a>
            ) : (
              <span />
            )}
            {next ? (
              <a class="pager-link next" href={chapterPath(next.id)} rel="next">
                <span>
                  <span class="eyebrow">Next</span>
                  {next.title}
                </span>
                <ChevronRight aria-hidden="true" size={20} />
              </a>
            ) : null}
          </nav>
        )}
      </div>
    </div>
  );
}
