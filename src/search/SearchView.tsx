import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ContentManifest } from '../shared/content-types.ts';
import { useStore } from '../ui/store.ts';
import type { DocKind, Filter, SearchAnswer } from './doc-types.ts';
import { cleanQuery, MAX_QUERY } from './query.ts';
import { clearRecentSearches, recentSearches, rememberSearch } from './recent.ts';
import { indexState, openIndex, search, userDataVersion } from './search-client.ts';
import { SearchResults } from './SearchResults.tsx';
import './search.css';

const FILTERS: ReadonlyArray<[Filter, string]> = [
  ['all', 'Everything'],
  ['guide', 'Guide'],
  ['glossary', 'Glossary'],
  ['note', 'My notes'],
  ['card', 'Cards'],
];
const PAGE = 20;
const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** /search?q=…: results as you type, grouped by chapter, filters, recent searches. */
export function SearchView({ manifest, q, saved }: { manifest: ContentManifest; q: string; saved: boolean }) {
  const [text, setText] = useState(q);
  const [filter, setFilter] = useState<Filter>('all');
  const [limit, setLimit] = useState(PAGE);
  const [answer, setAnswer] = useState<SearchAnswer | null>(null);
  const [recent, setRecent] = useState(recentSearches);
  const index = useStore(indexState);
  const userVersion = useStore(userDataVersion);
  const input = useRef<HTMLInputElement>(null);
  const openedAt = useRef(performance.now());
  const firstShown = useRef(false);

  useEffect(() => {
    document.title = 'Search · MLSD Pocket';
    input.current?.focus();
  }, []);
  // Back/forward or a recent-search link changes the URL: the box follows.
  useEffect(() => setText((t) => (cleanQuery(t) === cleanQuery(q) ? t : q)), [q]);

  // The index follows the installed guide: (re)open it when the version changes (before the
  // first search below is sent, so the worker reads the guide and its index in one round).
  useLayoutEffect(() => openIndex(manifest.version), [manifest.version]);

  const query = cleanQuery(text);
  // Asked before the browser paints (a layout effect), so a keystroke waits for no frame.
  useLayoutEffect(() => {
    if (!query) {
      setAnswer(null);
      return;
    }
    let live = true;
    void search(query, filter, limit).then((r) => {
      if (!live || !r) return;
      setAnswer(r.answer);
    });
    return () => {
      live = false;
    };
  }, [query, filter, limit, userVersion, index.phase === 'ready' && answer && answer.version !== index.report.version ? index.report.version : null]);

  // Figures for `npm run bench` (once the results are in the DOM): keystroke → results,
  // answer → results (main-thread render), open → first result.
  useLayoutEffect(() => {
    if (!answer) return;
    const answered = performance.getEntriesByName('search-answer', 'mark').at(-1) as PerformanceMark | undefined;
    if (answered) performance.measure('search-render', { start: answered.startTime, detail: answered.detail });
    if (performance.getEntriesByName('search-input', 'mark').length) {
      performance.measure('search-keystroke', { start: 'search-input', detail: answered?.detail });
      performance.clearMarks('search-input');
    }
    performance.clearMarks('search-answer');
    if (!firstShown.current && answer.total > 0) {
      firstShown.current = true;
      performance.measure('search-first-result', { start: openedAt.current, detail: answered?.detail });
    }
  }, [answer]);
  useEffect(() => {
    if (!answer) return;
    // A search the reader paused on (with results) becomes a recent search.
    if (answer.query !== query || Object.values(answer.counts).every((n) => n === 0)) return;
    const t = setTimeout(remember, 1500);
    return () => clearTimeout(t);
  }, [answer]);

  const onInput = (value: string) => {
    performance.mark('search-input');
    setText(value);
    setLimit(PAGE);
    // The URL keeps the query (reload, offline) without re-rendering the whole app per keystroke.
    const next = value.slice(0, MAX_QUERY);
    history.replaceState(null, '', next.trim() ? `/search?q=${encodeURIComponent(next)}` : '/search');
  };
  const remember = () => {
    rememberSearch(query);
    setRecent(recentSearches());
  };

  // The same element while the answer is the same: a keystroke re-renders the box, not the 20 results.
  const results = useMemo(
    () =>
      answer && answer.hits.length > 0 ? (
        <SearchResults hits={answer.hits} more={answer.more} manifest={manifest} onOpen={() => (rememberSearch(answer.query), setRecent(recentSearches()))} />
      ) : null,
    [answer, manifest],
  );
  const stale = answer && answer.query !== query;
  const count = (k: DocKind) => answer?.counts[k] ?? 0;
  const all = answer ? count('guide') + count('glossary') + count('note') + count('card') : 0;
  const notSaved = !saved || (index.phase === 'ready' && index.report.source === 'none');

  return (
    <section class="screen narrow search-screen" aria-labelledby="search-title">
      <h1 id="search-title">Search</h1>
      <form class="search-form" role="search" onSubmit={(e) => (e.preventDefault(), remember())}>
        <input
          ref={input}
          class="field search-box"
          type="search"
          aria-label="Search the guide and your notes"
          placeholder="Search the guide and your notes"
          value={text}
          maxLength={MAX_QUERY * 5}
          autoComplete="off"
          autoCapitalize="off"
          spellcheck={false}
          enterKeyHint="search"
          onInput={(e) => onInput((e.target as HTMLInputElement).value)}
        />
      </form>
      <div class="search-filters" role="group" aria-label="Show">
        {FILTERS.map(([key, label]) => (
          <button key={key} type="button" class="btn search-filter" aria-pressed={filter === key} onClick={() => (setFilter(key), setLimit(PAGE))}>
            {label}
            {answer && query && <span class="search-count" aria-hidden="true">{key === 'all' ? all : count(key)}</span>}
          </button>
        ))}
      </div>
      {notSaved && (
        <p class="notice warn">The guide is not saved on this device yet, so search covers your notes only. It will cover the guide as soon as it is saved.</p>
      )}
      {index.phase === 'failed' && (
        <p class="notice warn" role="alert">
          {index.message}
        </p>
      )}
      <p class="search-status" role="status" aria-live="polite">
        {!query
          ? ''
          : !answer
            ? index.phase === 'opening'
              ? 'Preparing search…'
              : 'Searching…'
            : answer.total === 0
              ? `No results for “${answer.query.slice(0, 60)}”.${filter === 'all' ? ' Try fewer or shorter words.' : ' Try “Everything”.'}`
              : plural(answer.total, 'result', 'results')}
      </p>
      {!query && recent.length > 0 && (
        <section class="search-recent" aria-labelledby="recent-title">
          <h2 id="recent-title">Recent searches</h2>
          <ul>
            {recent.map((r) => (
              <li key={r}>
                <button type="button" class="btn search-recent-link" onClick={() => (onInput(r), input.current?.focus())}>
                  {r}
                </button>
              </li>
            ))}
          </ul>
          <button type="button" class="btn" onClick={() => (clearRecentSearches(), setRecent([]))}>
            Clear recent searches
          </button>
        </section>
      )}
      {!query && recent.length === 0 && <p class="search-hint">Type a word or two: a concept, a metric, a term, something from your notes.</p>}
      {query && answer && answer.hits.length > 0 && (
        <div class={stale ? 'search-stale' : undefined}>
          {results}
          {answer.total > answer.hits.length && (
            <button type="button" class="btn search-more" onClick={() => setLimit(limit + PAGE)}>
              Show more results
            </button>
          )}
        </div>
      )}
    </section>
  );
}
