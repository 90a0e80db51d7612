import { goingIntoCache, mustStartAfresh } from '../storage/cached-page.ts';

/** The page's part of storage/cached-page.ts: the page going into the back/forward cache, and coming back. */
export function watchBackForwardCache(): void {
  addEventListener('pagehide', (e) => {
    if (e.persisted) goingIntoCache();
  });
  addEventListener('pageshow', (e) => {
    if (e.persisted && mustStartAfresh()) location.reload();
  });
}
