import type { SearchHit } from './doc-types.ts';

/** Results grouped by chapter in reading order; best match first within a chapter. Pure. */
export interface ResultGroup {
  chapterId: string | null;
  hits: SearchHit[];
}

export function groupByChapter(hits: SearchHit[]): ResultGroup[] {
  const groups = new Map<string | null, ResultGroup & { first: number }>();
  for (const h of hits) {
    const g = groups.get(h.chapterId) ?? { chapterId: h.chapterId, hits: [], first: h.order };
    g.hits.push(h);
    g.first = Math.min(g.first, h.order);
    groups.set(h.chapterId, g);
  }
  return [...groups.values()]
    .sort((a, b) => a.first - b.first)
    .map(({ chapterId, hits: list }) => ({ chapterId, hits: [...list].sort((a, b) => b.score - a.score) }));
}

/** Where a result opens: the chapter at its block, carrying the matched terms to mark. */
export function hitHref(h: SearchHit): string {
  if (!h.chapterId) return '/review';
  const params = new URLSearchParams();
  if (h.terms.length) params.set('find', h.terms.slice(0, 12).join(' '));
  if (h.kind === 'note') params.set('hl', h.id.slice(2));
  const hash = h.blockId ? `#${encodeURIComponent(h.blockId)}` : '';
  return `/read/${h.chapterId}?${params.toString()}${hash}`;
}
