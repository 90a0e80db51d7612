import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ContentManifest } from '../shared/content-types.ts';
import { afterFrame, screenDrawn } from '../ui/after-load.ts';
import { formatCount } from '../ui/numbers.ts';
import { settleAfter } from '../ui/settle.ts';
import { useStore } from '../ui/store.ts';
import type { DocKind, Filter, SearchAnswer } from './doc-types.ts';
import { cleanQuery, cutText, MAX_QUERY } from './query.ts';
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
/**
 * The URL keeps the query (reload, offline, Back from a result) without re-rendering the app.
 * `history.replaceState` costs 4–6 ms at 4× CPU, so it is written after the answer is drawn, off
 * the keystroke's path (and at once when a result is tapped); never once search has been left.
 */
function keepInUrl(value: string): void {
  if (location.pathname !== '/search') return;
  const next = cutText(value, MAX_QUERY);
  const url = next.trim() ? `/search?q=${encodeURIComponent(next)}` : '/search';
  if (`${location.pathname}${location.search}` !== url) history.replaceState(history.state, '', url);
}
/** How long an answer may take before the screen says "Searching…". */
const SLOW_MS = 150;

/** Where the reader was when a result was opened: Back returns to the same filter, page and place. */
interface LeftAt {
  filter: Filter;
  limit: number;
  /** The result opened (its link), brought back into view. */
  hit: string;
}
const FILTER_KEYS = new Set<string>(['all', 'guide', 'glossary', 'note', 'card']);
function leftAt(): LeftAt | null {
  const s = (history.state as { search?: Partial<LeftAt> } | null)?.search;
  if (!s || !FILTER_KEYS.has(String(s.filter)) || !Number.isInteger(s.limit) || typeof s.hit !== 'string') return null;
  return { filter: s.filter as Filter, limit: Math.min(Math.max(PAGE, s.limit!), 10 * PAGE), hit: s.hit };
}

const plural = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;

/** /search?q=…: results as you type, grouped by chapter, filters, recent searches. */
export function SearchView({ manifest, q, saved }: { manifest: ContentManifest; q: string; saved: boolean }) {
  // The box is not re-rendered per keystroke: the browser shows what was typed, the search is sent
  // from the input handler, and the screen renders once, when the answer is in (one frame).
  const [text, setText] = useState(q);
  // Back from a result: the same filter, as many results, the same place.
  const back = useMemo(leftAt, []);
  const [filter, setFilter] = useState<Filter>(back?.filter ?? 'all');
  const [limit, setLimit] = useState(back?.limit ?? PAGE);
  const [answer, setAnswer] = useState<SearchAnswer | null>(null);
  const [waiting, setWaiting] = useState(false);
  const [recent, setRecent] = useState(recentSearches);
  const index = useStore(indexState);
  const userVersion = useStore(userDataVersion);
  const input = useRef<HTMLInputElement>(null);
  const openedAt = useRef(performance.now());
  const firstShown = useRef(false);
  const released = useRef(false);
  const asked = useRef('');
  /** The request still out (what the box held when it was sent), if any. */
  const out = useRef<string | null>(null);
  // An answer slower than SLOW_MS (the index still opening) shows "Searching…" meanwhile.
  const slow = useMemo(() => settleAfter(SLOW_MS, () => out.current !== null && (setText(out.current), setWaiting(true), keepInUrl(out.current))), []);

  useEffect(() => {
    document.title = 'Search · MLSD Pocket';
    input.current?.focus();
    // Nothing to wait for without a query.
    if (!cleanQuery(q)) screenDrawn();
    return () => slow.stop();
  }, []);

  // The index follows the installed guide: (re)open it when the version changes (before the
  // first search below is sent, so the worker reads the guide and its index in one round).
  useLayoutEffect(() => openIndex(manifest.version), [manifest.version]);
  // A shown answer from an older guide is asked again once the new one is ready.
  const guideMoved = index.phase === 'ready' && answer && answer.version !== index.report.version ? index.report.version : null;

  /** Sends `value` (what the box holds) unless that exact request is already out; shows its answer when in. */
  const ask = (value: string, f: Filter, l: number) => {
    const query = cleanQuery(value);
    const key = JSON.stringify([query, f, l, userVersion, guideMoved]);
    if (key === asked.current) return;
    asked.current = key;
    if (!query) {
      out.current = null;
      setWaiting(false);
      setText(value);
      setAnswer(null);
      keepInUrl(value);
      return;
    }
    // Sent first: the worker searches while the page finishes the keystroke.
    const sent = search(query, f, l);
    out.current = value;
    slow.poke();
    void sent.then((r) => {
      if (!r) return; // a newer request is out
      out.current = null;
      setWaiting(false);
      setText(value);
      setAnswer(r.answer);
      afterFrame(() => keepInUrl(value));
    });
  };
  const typed = () => input.current?.value ?? text;

  // Asked before the browser paints (a layout effect): on open, and when the filter, the page,
  // the user's notes or the guide change.
  useLayoutEffect(() => ask(typed(), filter, limit), [filter, limit, userVersion, guideMoved]);
  // Back/forward or a recent-search link changes the URL: the box follows.
  useEffect(() => {
    const box = input.current;
    if (box && cleanQuery(box.value) !== cleanQuery(q)) {
      box.value = q;
      ask(q, filter, limit);
    }
  }, [q]);

  const query = cleanQuery(text);
  // Figures for `npm run bench` (once the results are in the DOM): keystroke → results,
  // answer → results (main-thread render), open → first result.
  useLayoutEffect(() => {
    if (!answer) return;
    const answered = performance.getEntriesByName('search-answer', 'mark').at(-1) as PerformanceMark | undefined;
    if (answered) performance.measure('search-render', { start: answered.startTime, detail: answered.detail });
    const key = performance.getEntriesByName('search-input', 'mark').at(-1);
    if (key) {
      performance.measure('search-keystroke', { start: key.startTime, detail: answered?.detail });
      performance.clearMarks('search-input');
      // …and to the frame that shows them drawn (style, layout and paint included).
      afterFrame(() => performance.measure('search-keystroke-painted', { start: key.startTime }));
    }
    performance.clearMarks('search-answer');
    // The first answer is on screen: start-up work held for it (a start on /search) may begin.
    if (!released.current) (released.current = true), screenDrawn();
    if (!firstShown.current && answer.total > 0) {
      firstShown.current = true;
      if (back) document.querySelector(`a.search-hit[href="${CSS.escape(back.hit)}"]`)?.scrollIntoView({ block: 'center' });
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
    if (limit !== PAGE) setLimit(PAGE);
    ask(value, filter, PAGE);
  };
  const remember = () => {
    rememberSearch(cleanQuery(typed()));
    setRecent(recentSearches());
  };

  // The same element while the answer is the same: a keystroke re-renders the box, not the 20 results.
  const results = useMemo(
    () =>
      answer && answer.hits.length > 0 ? (
        <SearchResults hits={answer.hits} more={answer.more} manifest={manifest} onOpen={(hit) => (history.replaceState({ ...(history.state as object | null), search: { filter, limit, hit } satisfies LeftAt }, ''), keepInUrl(typed()), rememberSearch(answer.query), setRecent(recentSearches()))} />
      ) : null,
    [answer, manifest],
  );
  const stale = waiting && answer !== null;
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
          defaultValue={q}
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
          : !answer || (waiting && answer.query !== query)
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
                <button type="button" class="btn search-recent-link" onClick={() => (input.current && (input.current.value = r), onInput(r), input.current?.focus())}>
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
