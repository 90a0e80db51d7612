import type { Part } from '../shared/content-types.ts';

export type Route =
  | { name: 'library'; part: Part | null }
  | { name: 'chapter'; id: string; reattach: string | null }
  | { name: 'notebook' }
  | { name: 'continue' }
  | { name: 'settings' }
  | { name: 'search'; q: string }
  | { name: 'review'; deck: string }
  | { name: 'stats' }
  | { name: 'practice'; family: string | null }
  | { name: 'practice-prompt'; id: string }
  | { name: 'practice-history' }
  | { name: 'attempt'; id: string }
  | { name: 'steps'; step: number }
  | { name: 'not-found'; path: string };

const PARTS = new Set(['start', 'framework', 'concepts', 'cases', 'glossary']);

/** The one route table: a URL path (and query) to a screen. */
export function parseRoute(pathname: string, search = ''): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/' || path === '/index.html') {
    const part = new URLSearchParams(search).get('part');
    return { name: 'library', part: part && PARTS.has(part) ? (part as Part) : null };
  }
  if (path === '/continue') return { name: 'continue' };
  if (path === '/settings') return { name: 'settings' };
  if (path === '/notebook') return { name: 'notebook' };
  const query = new URLSearchParams(search);
  if (path === '/search') return { name: 'search', q: query.get('q') ?? '' };
  if (path === '/review') return { name: 'review', deck: query.get('deck') ?? 'all' };
  if (path === '/stats') return { name: 'stats' };
  if (path === '/practice') return { name: 'practice', family: query.get('family') };
  const pr = /^\/practice\/(?:(history)|attempt\/([0-9a-f-]{36})|([a-z0-9]+(?:-[a-z0-9]+)*))$/.exec(path);
  if (pr) return pr[1] ? { name: 'practice-history' } : pr[2] ? { name: 'attempt', id: pr[2] } : { name: 'practice-prompt', id: pr[3] ?? '' };
  const st = /^\/steps\/([1-7])$/.exec(path);
  if (st) return { name: 'steps', step: Number(st[1]) };
  const m = /^\/read\/([a-z0-9]+(?:-[a-z0-9]+)*)$/.exec(path);
  if (m?.[1]) return { name: 'chapter', id: m[1], reattach: new URLSearchParams(search).get('reattach') };
  return { name: 'not-found', path };
}
