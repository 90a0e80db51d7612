import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { allLoaded, annotationsVersion, loadAllAnnotations, everyAnnotation, putAnnotation } from '../annotations/annotation-store.ts';
import { COLOURS, type Annotation, type Colour } from '../annotations/types.ts';
import { COLOUR_NAMES } from '../highlights/colours.ts';
import { chapterPath, type ContentManifest } from '../shared/content-types.ts';
import { lazyComponent } from '../ui/lazy.tsx';
import { useStore } from '../ui/store.ts';
import { BackupPanel } from './BackupPanel.tsx';
import { keepAsNote, notebookGroups, orphans } from './notebook-model.ts';
import './notebook.css';

const NotebookCards = lazyComponent(() => import('../study/NotebookCards.tsx').then((m) => m.NotebookCards), false);

const PAGE = 80;

/** Every highlight and note, by chapter in reading order; filter by colour, search by text. */
export function NotebookView({ manifest }: { manifest: ContentManifest }) {
  const version = useStore(annotationsVersion);
  const [loaded, setLoaded] = useState(allLoaded());
  const [colours, setColours] = useState<Set<Colour>>(new Set());
  const [query, setQuery] = useState('');
  const [shown, setShown] = useState(PAGE);
  const sentinel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    document.title = 'Notebook · MLSD Pocket';
    void loadAllAnnotations().then(() => setLoaded(true));
  }, []);
  const all = useMemo(() => (loaded ? everyAnnotation() : []), [version, loaded]);
  const groups = useMemo(() => notebookGroups(all, manifest, { colours, query }), [all, colours, query, manifest]);
  const lost = useMemo(() => orphans(all), [all]);
  const total = groups.reduce((n, g) => n + g.items.length, 0);

  // Long notebooks render a page at a time as you scroll.
  useEffect(() => {
    const el = sentinel.current;
    if (!el) return;
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setShown((n) => n + PAGE), { rootMargin: '600px' });
    io.observe(el);
    return () => io.disconnect();
  }, [loaded, total > shown]);
  useEffect(() => setShown(PAGE), [colours, query]);
  useEffect(() => {
    if (loaded) performance.mark('notebook-ready', { detail: all.length });
  }, [loaded]);

  const toggle = (c: Colour) => {
    const next = new Set(colours);
    if (next.has(c)) next.delete(c);
    else next.add(c);
    setColours(next);
  };

  let budget = shown;
  return (
    <div class="screen narrow notebook">
      <h1>Notebook</h1>
      <BackupPanel manifest={manifest} />
      <div class="nb-filters">
        <label class="nb-search">
          <span class="sr-only">Search highlights and notes</span>
          <input type="search" class="field" placeholder="Search highlights and notes" value={query} onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)} />
        </label>
        <div class="swatches" role="group" aria-label="Filter by colour">
          {COLOURS.map((c) => (
            <button key={c} type="button" class={`swatch-btn sw-${c}`} aria-pressed={colours.has(c)} aria-label={`Show ${COLOUR_NAMES[c].toLowerCase()} only`} onClick={() => toggle(c)} />
          ))}
        </div>
      </div>
      <NotebookCards manifest={manifest} />
      {loaded && all.length === 0 && <p class="empty">Nothing here yet. Select text in any chapter to highlight it, or add a note at the end of a chapter.</p>}
      {loaded && all.length > 0 && total === 0 && <p class="empty">No highlight or note matches.</p>}
      {groups.map((g) => {
        if (budget <= 0) return null;
        const items = g.items.slice(0, budget);
        budget -= items.length;
        return (
          <section key={g.chapterId} class="nb-group" aria-labelledby={`nb-${g.chapterId}`}>
            <h2 id={`nb-${g.chapterId}`}>{g.chapter?.title ?? g.chapterId}</h2>
            <ul>
              {items.map((a) => (
                <Entry key={a.id} a={a} sectionTitle={g.chapter?.outline.find((o) => o.id === a.sectionId)?.title} />
              ))}
            </ul>
          </section>
        );
      })}
      <div ref={sentinel} aria-hidden="true" />
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

function Entry({ a, sectionTitle }: { a: Annotation; sectionTitle: string | undefined }) {
  const href = a.anchor ? `${chapterPath(a.chapterId)}#hl-${a.id}` : `${chapterPath(a.chapterId)}${a.sectionId ? `#${a.sectionId}` : ''}`;
  return (
    <li class="nb-entry">
      <a class="tile nb-link" href={href}>
        {a.anchor ? (
          <blockquote class={`hl-quote hl-${a.colour ?? 'yellow'}`}>
            <span class="sr-only">{COLOUR_NAMES[a.colour ?? 'yellow']} highlight: </span>
            {a.anchor.quote.exact}
          </blockquote>
        ) : (
          <span class="eyebrow">{sectionTitle ? `Note on “${sectionTitle}”` : 'Chapter note'}</span>
        )}
        {a.note && <span class="nb-note">{a.note.length > 400 ? `${a.note.slice(0, 400)}…` : a.note}</span>}
      </a>
    </li>
  );
}
