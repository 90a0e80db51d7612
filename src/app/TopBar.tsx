import { useEffect, useState } from 'preact/hooks';
import { installState, promptInstall } from '../install/install.ts';
import { Download, Layers, Library, NotebookPen, Search, Settings, Timer } from '../ui/bar-icons.ts';
import { afterLoad } from '../ui/after-load.ts';
import { useStore } from '../ui/store.ts';
import { topBarHidden } from './chrome.ts';
import type { Route } from './routes.ts';
import { guide } from './guide.ts';
import { dueCount, reviewLabel as dueLabel } from '../study/due-store.ts';

/** The top bar: hides while reading down, returns on the way up. */
export function TopBar({ route }: { route: Route }) {
  const [hidden, setHidden] = useState(false);
  const install = useStore(installState);
  useEffect(() => {
    let last = scrollY;
    const onScroll = () => {
      const y = scrollY;
      if (Math.abs(y - last) < 8) return;
      setHidden(y > last && y > 120);
      last = y;
    };
    addEventListener('scroll', onScroll, { passive: true });
    return () => removeEventListener('scroll', onScroll);
  }, []);
  useEffect(() => setHidden(false), [route]);
  useEffect(() => topBarHidden.set(hidden), [hidden]);
  // "Review, 12 due": an IndexedDB count (src/study/due-badge.ts, its own chunk), refreshed on every route change.
  const manifest = useStore(guide).manifest;
  // Counted once the screen is drawn, so the count never competes with the first paint.
  useEffect(() => afterLoad(() => void import('../study/due-badge.ts').then((m) => m.refreshDueCount(manifest)).catch(() => undefined)), [JSON.stringify(route), manifest]);
  const reviewLabel = dueLabel(useStore(dueCount));

  return (
    <header class={`topbar${hidden ? ' hidden' : ''}`}>
      <nav aria-label="App">
        <a class="brand" href="/" aria-current={route.name === 'library' ? 'page' : undefined}>
          <Library aria-hidden="true" size={22} />
          <span>MLSD Pocket</span>
        </a>
        {install === 'available' && (
          // On a phone an icon like its neighbours (the word stays its accessible name); wider screens show the word.
          <button type="button" class="btn install-btn" onClick={() => void promptInstall()}>
            <Download aria-hidden="true" size={20} />
            <span class="install-label">Install</span>
          </button>
        )}
        {/* Plain links: a top-bar button never pulls its feature's code into the first load. */}
        <a class="icon-btn" href="/search" aria-label="Search" aria-current={route.name === 'search' ? 'page' : undefined}>
          <Search aria-hidden="true" size={22} />
        </a>
        <a class="icon-btn" href="/review" aria-label={reviewLabel} aria-current={route.name === 'review' ? 'page' : undefined}>
          <Layers aria-hidden="true" size={22} />
        </a>
        <a class="icon-btn" href="/practice" aria-label="Practice" aria-current={route.name === 'practice' ? 'page' : undefined}>
          <Timer aria-hidden="true" size={22} />
        </a>
        <a class="icon-btn" href="/notebook" aria-label="Notebook" aria-current={route.name === 'notebook' ? 'page' : undefined}>
          <NotebookPen aria-hidden="true" size={22} />
        </a>
        <a class="icon-btn" href="/settings" aria-label="Settings" aria-current={route.name === 'settings' ? 'page' : undefined}>
          <Settings aria-hidden="true" size={22} />
        </a>
      </nav>
    </header>
  );
}
