import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  allLoaded,
  annotationsVersion,
  everyAnnotation,
  holdFullRead,
  loadAllAnnotations,
  loadAnnotationsHead,
  putAnnotation,
  releaseFullRead,
  type AnnotationsHead,
} from '../annotations/annotation-store.ts';
import { guide } from '../app/guide.ts';
import { COLOURS, type Annotation, type Colour } from '../annotations/types.ts';
import { COLOUR_NAMES } from '../highlights/colours.ts';
import { chapterPath, type ContentManifest } from '../shared/content-types.ts';
import { screenDrawn } from '../ui/after-load.ts';
import { lazyComponent } from '../ui/lazy.tsx';
import { useStore } from '../ui/store.ts';
import { BackupPanel } from './BackupPanel.tsx';
import { itemsLabel } from './count-label.ts';
import { keepAsNote, notebookGroups, orphans, type NotebookSort } from './notebook-model.ts';
import { NotebookList } from './NotebookList.tsx';
import './notebook.css';

/** Entries read before everything else: more than a tablet's screen holds. */
const FIRST_SCREEN = 40;
const NONE: Annotation[] = [];

// The reader's own cards, under the "Cards" button: their code (and the study store's) loads when it is pressed.
const NotebookCards = lazyComponent(() => import('../study/NotebookCards.tsx').then((m) => m.NotebookCards), false);

/** Every highlight and note, by chapter in reading order; filter by colour, search by text. */
export function NotebookView({ manifest }: { manifest: ContentManifest }) {
  const version = useStore(annotationsVersion);
  const [loaded, setLoaded] = useState(allLoaded());
  const [colours, setColours] = useState<Set<Colour>>(new Set());
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<NotebookSort>('reading');
  const [cardsOn, setCardsOn] = useState(false);
  const guideState = useStore(guide);
  // The first screen (the first entries in reading order) is read before everything else, which waits for it
  // to be drawn; it is asked for in the render that has the guide's index (reading order needs it).
  useState(() => !allLoaded() && holdFullRead());
  const headRead = useRef<Promise<AnnotationsHead | null> | null>(null);
  if (!headRead.current && !loaded && manifest.chapters.length) headRead.current = loadAnnotationsHead(manifest.chapters.map((c) => c.id), FIRST_SCREEN);
  const [head, setHead] = useState<AnnotationsHead | null>(null);

  useEffect(() => {
    document.title = 'Notebook · MLSD Pocket';
    void loadAllAnnotations().then(() => setLoaded(true));
  }, []);
  useEffect(() => {
    void headRead.current?.then(setHead).catch(() => undefined);
    // No guide to order by (not on this device): nothing to read first.
    if (!manifest.chapters.length && (guideState.manifest || guideState.error)) releaseFullRead();
  }, [manifest.version, guideState]);
  const all = useMemo(() => (loaded ? everyAnnotation() : []), [version, loaded]);
  // Until everything is read, only the unfiltered list in reading order can be shown (from its beginning).
  const narrowed = colours.size > 0 || query.trim() !== '' || sort !== 'reading';
  const shown = loaded ? all : head && !narrowed ? head.items : NONE;
  const groups = useMemo(() => notebookGroups(shown, manifest, { colours, query }), [shown, colours, query, manifest]);
  const lost = useMemo(() => orphans(all), [all]);
  const total = groups.reduce((n, g) => n + g.items.length, 0);
  const count = loaded ? all.length : (head?.total ?? null);

  const marked = useRef(false);
  useEffect(() => {
    if (!marked.current && (loaded || (head && total > 0))) {
      marked.current = true;
      performance.mark('notebook-ready', { detail: total });
      screenDrawn();
    }
    if (loaded) performance.mark('notebook-complete', { detail: all.length });
  }, [loaded, head]);

  const toggle = (c: Colour) => {
    const next = new Set(colours);
    if (next.has(c)) next.delete(c);
    else next.add(c);
    setColours(next);
  };

  return (
    <div class="screen narrow notebook">
      <h1>Notebook</h1>
      <BackupPanel manifest={manifest} />
      <div class="nb-filters">
        <label class="nb-search">
          <span class="sr-only">Search highlights and notes</span>
          <input type="search" class="field" placeholder="Search highlights and notes" value={query} onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)} />
        </label>
        <label class="nb-sort">
          <span>Sort</span>
          <select class="field" value={sort} onChange={(e) => setSort((e.currentTarget as HTMLSelectElement).value as NotebookSort)}>
            <option value="reading">Reading order</option>
            <option value="date">Newest first</option>
          </select>
        </label>
        <div class="swatches" role="group" aria-label="Filter by colour">
          {COLOURS.map((c) => (
            <button key={c} type="button" class={`swatch-btn sw-${c}`} aria-pressed={colours.has(c)} aria-label={`Show ${COLOUR_NAMES[c].toLowerCase()} only`} onClick={() => toggle(c)} />
          ))}
        </div>
      </div>
      <div class="nb-cards-filter">
        <button type="button" class="btn" aria-pressed={cardsOn} onClick={() => setCardsOn(!cardsOn)}>
          Cards
        </button>
        {cardsOn && <NotebookCards manifest={manifest} />}
      </div>
      {count === 0 && <p class="empty">Nothing here yet. Select text in any chapter to highlight it, or add a note at the end of a chapter.</p>}
      {loaded && all.length > 0 && total === 0 && <p class="empty">No highlight or note matches.</p>}
      {total > 0 && <NotebookList manifest={manifest} groups={groups} query={query} sort={sort} />}
      {!loaded && count !== 0 && !(head && !narrowed && head.total !== null) && (
        <p class="loading" role="status" aria-busy="true">
          {!head
            ? 'Opening your highlights and notes…'
            : narrowed
              ? `Reading all ${count === null ? 'your highlights and notes' : itemsLabel(count)}…`
              : `Reading the rest of your ${count === null ? 'highlights and notes' : itemsLabel(count)}…`}
        </p>
      )}
      {lost.length > 0 && (
        <section class="nb-group nb-lost" aria-labelledby="nb-lost">
          <h2 id="nb-lost">Needs a new place</h2>
          <p class="meta">The guide was revised and these passages could not be found with certainty. Their text and notes are safe: attach each to new text, or keep it as a note.</p>
          <ul>
            {lost.map((a) => (
              <li key={a.id} class="nb-entry">
                {a.anchor && <blockquote class={`hl-quote hl-${a.colour ?? 'yellow'}`}>{a.anchor.quote.exact}</blockquote>}
                {a.note && <p class="nb-note">{a.note}</p>}
                <p class="meta">{manifest.chapters.find((c) => c.id === a.chapterId)?.title ?? a.chapterId}</p>
                <div class="nb-actions">
                  <a class="btn" href={`${chapterPath(a.chapterId)}?reattach=${a.id}`}>
                    Re-attach
                  </a>
                  <button type="button" class="btn" onClick={() => putAnnotation(keepAsNote(a))}>
                    Keep as note
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
