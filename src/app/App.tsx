import { useEffect } from 'preact/hooks';
import { Library } from '../library/Library.tsx';
// The reader's styles stay in the first stylesheet (other screens share them); its code loads with the first chapter.
import '../highlights/highlights.css';
import '../reader/reader.css';
import { listenForSlash } from '../search/slash-key.ts';
import { prefetchChapter } from '../content/loader.ts';
import { holdStartupWork } from '../ui/after-load.ts';
import { lazyComponent } from '../ui/lazy.tsx';
import { useStore } from '../ui/store.ts';
import { guide, NO_GUIDE } from './guide.ts';
import { useLocation } from './router.ts';
import { parseRoute } from './routes.ts';
import { StatusBar } from './StatusBar.tsx';
import { TopBar } from './TopBar.tsx';

// The reader is its own chunk; a start on a chapter's URL asks for it at once, while the guide's index and the
// chapter are read, so the chapter draws in the render that has the index; other start-up work waits for it.
const ChapterView = lazyComponent(() => import('../reader/ChapterView.tsx').then((m) => m.ChapterView));
const start = parseRoute(location.pathname);
if (start.name === 'chapter') {
  void ChapterView.preload().catch(() => undefined);
  prefetchChapter(start.id);
  holdStartupWork();
}
const ContinueReading = lazyComponent(() => import('../reader/ContinueReading.tsx').then((m) => m.ContinueReading));
const SettingsView = lazyComponent(() => import('../settings/SettingsView.tsx').then((m) => m.SettingsView));
const NotebookView = lazyComponent(() => import('../notebook/NotebookView.tsx').then((m) => m.NotebookView));
// A start on the notebook: its code loads while the guide's index is read; start-up work waits for its first screen.
if (start.name === 'notebook') {
  void NotebookView.preload().catch(() => undefined);
  holdStartupWork();
}
const SearchView = lazyComponent(() => import('../search/SearchView.tsx').then((m) => m.SearchView));
// A start on /search?q=… (a reload, a saved link): start-up work waits for its first answer.
if (start.name === 'search') {
  void SearchView.preload().catch(() => undefined);
  holdStartupWork();
}
const PracticeScreen = lazyComponent(() => import('../practice/PracticeScreen.tsx').then((m) => m.PracticeScreen));
const ReviewView = lazyComponent(() => import('../study/ReviewView.tsx').then((m) => m.ReviewView));
const StatsView = lazyComponent(() => import('../study/StatsView.tsx').then((m) => m.StatsView));

export function App() {
  const loc = useLocation();
  const route = parseRoute(loc.pathname, loc.search);
  const state = useStore(guide);
  // Settings and the Notebook open without the guide (first visit offline, storage refused).
  const manifest = state.manifest ?? (route.name === 'settings' || route.name === 'notebook' ? NO_GUIDE : null);

  useEffect(listenForSlash, []);
  useEffect(() => {
    if (route.name !== 'chapter') window.scrollTo(0, 0);
  }, [loc.pathname, loc.search]);

  return (
    <>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <TopBar route={route} />
      <StatusBar />
      <main id="main" tabIndex={-1}>
        {state.error && !manifest ? (
          <section class="screen narrow">
            <h1>The guide is not on this device yet</h1>
            <p>{state.error}</p>
            <p>Open MLSD Pocket once with a connection and it saves the whole guide for offline reading.</p>
          </section>
        ) : !manifest ? (
          <p class="loading" aria-busy="true">
            Opening the guide…
          </p>
        ) : route.name === 'library' ? (
          <Library manifest={manifest} part={route.part} />
        ) : route.name === 'chapter' ? (
          <ChapterView key={route.id} manifest={manifest} id={route.id} hash={loc.hash} seq={loc.seq} reattach={route.reattach} />
        ) : route.name === 'notebook' ? (
          <NotebookView manifest={manifest} />
        ) : route.name === 'practice' || route.name === 'practice-prompt' || route.name === 'practice-history' || route.name === 'attempt' || route.name === 'steps' ? (
          <PracticeScreen manifest={manifest} route={route} />
        ) : route.name === 'search' ? (
          <SearchView manifest={manifest} q={route.q} saved={state.source === 'offline'} />
        ) : route.name === 'continue' ? (
          <ContinueReading manifest={manifest} />
        ) : route.name === 'settings' ? (
          <SettingsView manifest={manifest} saved={state.source === 'offline'} />
        ) : route.name === 'review' ? (
          <ReviewView manifest={manifest} deck={route.deck} />
        ) : route.name === 'stats' ? (
          <StatsView manifest={manifest} />
        ) : (
          <NotFound path={loc.pathname} />
        )}
      </main>
    </>
  );
}

function NotFound({ path }: { path: string }) {
  useEffect(() => void (document.title = 'Page not found · MLSD Pocket'), []);
  return (
    <section class="screen narrow">
      <h1>Page not found</h1>
      <p>
        Nothing lives at <code>{path}</code>. <a href="/">Go to the library</a>.
      </p>
    </section>
  );
}
