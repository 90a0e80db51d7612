import { useEffect, useRef, useState } from 'preact/hooks';
import { PART_TITLES } from '../app/guide.ts';
import { loadChapter } from '../content/loader.ts';
import { treeToDom } from '../content/tree-to-dom.ts';
import { chapterPath, type ChapterMeta, type ChapterPayload, type ContentManifest } from '../shared/content-types.ts';
import { openPocketDb } from '../storage/db.ts';
import { getProgress } from '../storage/progress-repo.ts';
import { ChevronLeft, ChevronRight } from '../ui/icons.tsx';
import { SelectionToolbar } from '../highlights/SelectionToolbar.tsx';
import { openAnnotation } from '../highlights/ui-state.ts';
import { enableKeyboardSelection } from '../highlights/keyboard-selection.ts';
import { useHighlights } from '../highlights/use-highlights.ts';
import { lazyComponent } from '../ui/lazy.tsx';
import { enhanceDiagrams } from './diagram-zoom.ts';
import { Outline } from './Outline.tsx';
import { neighbours } from './reading-position.ts';
import { trackReading, type Tracker } from './track-reading.ts';
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

type State = { status: 'loading' } | { status: 'missing' } | { status: 'error'; message: string } | { status: 'ready'; chapter: ChapterPayload };

export function ChapterView({ manifest, id, hash, seq, reattach }: Props) {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [outlineOpen, setOutlineOpen] = useState(false);
  const [current, setCurrent] = useState<string | null>(null);
  const [fraction, setFraction] = useState(0);
  const [mounted, setMounted] = useState<string | null>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const tracker = useRef<Tracker | null>(null);
  const meta = manifest.chapters.find((c) => c.id === id);
  const { prev, next } = neighbours(manifest.chapters, id);
  const wide = useMedia(TABLET_QUERY);
  const pane = useStore(outlinePane);
  const chromeHidden = useStore(topBarHidden);
  const readState = useReadState(meta ?? FALLBACK_META, state.status === 'ready' ? state.chapter : null, mounted ? bodyRef.current : null, readingTop);
  useChangedMarks(mounted ? bodyRef.current : null, readState.changed);

  const openedAt = useRef(0);
  useEffect(() => {
    let live = true;
    openedAt.current = performance.now();
    loadChapter(manifest, id)
      .then((r) => live && setState(r ? { status: 'ready', chapter: r.chapter } : { status: 'missing' }))
      .catch((err: unknown) => live && setState({ status: 'error', message: err instanceof Error ? err.message : String(err) }));
    return () => {
      live = false;
    };
  }, [id, meta?.hash]);

  // Mount the chapter body (built from its sanitized tree), then restore the reading position.
  useEffect(() => {
    const host = bodyRef.current;
    if (state.status !== 'ready' || !host) return;
    host.replaceChildren(treeToDom(state.chapter.body));
    // Figures for `npm run bench`: time from asking for the chapter to its text in the DOM.
    performance.measure('chapter-open', { start: openedAt.current });
    performance.mark('chapter-text');
    setMounted(state.chapter.hash);
    const cleanupDiagrams = enhanceDiagrams(host);
    // Table shadows load after the text is on screen (not part of the first load).
    let cleanupTables = () => {};
    void import('./table-scroll.ts').then((m) => {
      if (bodyRef.current === host) cleanupTables = m.enhanceTables(host);
    });
    const stopKeys = enableKeyboardSelection(host, () => document.querySelector<HTMLElement>('.sel-toolbar button')?.focus());
    const title = host.querySelector('h1')?.textContent ?? state.chapter.title;
    document.title = `${title} · MLSD Pocket`;
    let cancelled = false;
    void (async () => {
      const target = hash ? document.getElementById(decodeURIComponent(hash.slice(1))) : null;
      if (target) target.scrollIntoView();
      else {
        const saved = await openPocketDb().then((db) => getProgress(db, id)).catch(() => null);
        if (cancelled) return;
        const el = saved?.anchorId ? document.getElementById(saved.anchorId) : null;
        if (el) el.scrollIntoView();
        else window.scrollTo(0, 0);
      }
      if (cancelled) return;
      tracker.current = trackReading(host, id, (anchor, f) => {
        setCurrent(anchor);
        setFraction(f);
      });
    })();
    return () => {
      cancelled = true;
      tracker.current?.stop();
      tracker.current = null;
      cleanupDiagrams();
      cleanupTables();
      stopKeys();
    };
  }, [state, id]);

  const chapterRef = { chapterId: id, chapterHash: meta?.hash ?? '', contentVersion: manifest.version };
  useHighlights(bodyRef.current, id, chapterRef.chapterHash, manifest.version, mounted !== null && mounted === meta?.hash);

  // Tapping or clicking a highlight (or Enter on it) opens it.
  const openFrom = (target: EventTarget | null) => {
    const el = (target as Element | null)?.closest?.('[data-annotation-id]') as HTMLElement | null;
    if (el?.dataset.annotationId) openAnnotation.set({ id: el.dataset.annotationId, focusNote: false });
  };

  // A link to a section of this same chapter.
  useEffect(() => {
    if (state.status !== 'ready' || !hash) return;
    document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView();
    setOutlineOpen(false);
  }, [seq]);

  if (!meta || state.status === 'missing') {
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
        <SelectionToolbar host={mounted ? bodyRef.current : null} chapter={chapterRef} reattach={reattach} />
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
