import { createStore, useStore } from '../ui/store.ts';

export interface Loc {
  pathname: string;
  search: string;
  hash: string;
  /** Increments on every navigation, so the same URL twice still counts. */
  seq: number;
}

const read = (seq: number): Loc => ({ pathname: location.pathname, search: location.search, hash: location.hash, seq });
const loc = createStore<Loc>(read(0));

export const useLocation = (): Loc => useStore(loc);

export function navigate(url: string, replace = false): void {
  const target = new URL(url, location.href);
  if (target.origin !== location.origin) {
    location.assign(target.href);
    return;
  }
  if (replace) history.replaceState(null, '', target.href);
  else history.pushState(null, '', target.href);
  loc.set(read(loc.get().seq + 1));
}

/** Intercepts same-origin link clicks and Back/Forward, so every screen has a real URL. */
export function startRouter(): void {
  addEventListener('popstate', () => loc.set(read(loc.get().seq + 1)));
  document.addEventListener('click', (e) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = (e.target as Element | null)?.closest?.('a');
    if (!a || a.target || a.hasAttribute('download')) return;
    const url = new URL(a.href, location.href);
    if (url.origin !== location.origin || url.pathname.startsWith('/content/')) return;
    e.preventDefault();
    if (url.pathname === location.pathname && url.search === location.search && url.hash) {
      history.pushState(null, '', url.href);
      loc.set(read(loc.get().seq + 1));
      return;
    }
    navigate(url.href);
  });
}
