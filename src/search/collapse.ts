import type { SearchDoc } from './doc-types.ts';

/**
 * Keeps one chapter from flooding the results (pure). A page shows at most PER_CHAPTER results of
 * each chapter while other chapters have results to show (the rest counted as "more in this
 * chapter"), and near-identical documents of one chapter (the same text, as a table row repeated
 * or a card restating a paragraph) are shown once. Only the results walked to fill the page are
 * compared, so a broad query costs no more than a narrow one.
 */
export const PER_CHAPTER = 3;

/** What makes two documents of one chapter the same result (notes are always their own). */
export const sameKey = (d: SearchDoc): string =>
  `${d.chapterId ?? ''}\u0000${d.kind === 'note' ? d.id : (d.text || d.title).slice(0, 200).toLowerCase().replace(/\W+/g, ' ').trim().slice(0, 160)}`;

/**
 * The first `limit` results (a multiple of the page size, as "Show more results" grows it), at most
 * PER_CHAPTER a chapter for each page shown; free room is then filled best first. `more`: per
 * chapter id ('' for none), how many of its results are not shown (repeats of a shown one aside).
 */
export function diversePage<T>(results: readonly T[], limit: number, docOf: (r: T) => SearchDoc, pageSize = 20): { shown: T[]; more: Record<string, number> } {
  const cap = PER_CHAPTER * Math.max(1, Math.ceil(limit / pageSize));
  const perChapter = new Map<string, number>();
  const taken = new Set<number>();
  const repeats = new Set<number>();
  const seen = new Set<string>();
  const take = (capped: boolean) => {
    for (let i = 0; i < results.length && taken.size < limit; i++) {
      if (taken.has(i) || repeats.has(i)) continue;
      const doc = docOf(results[i]!);
      const ch = doc.chapterId ?? '';
      const n = perChapter.get(ch) ?? 0;
      if (capped && n >= cap) continue;
      const key = sameKey(doc);
      if (seen.has(key)) {
        repeats.add(i);
        continue;
      }
      seen.add(key);
      perChapter.set(ch, n + 1);
      taken.add(i);
    }
  };
  take(true);
  take(false);
  const shown = [...taken].sort((a, b) => a - b).map((i) => results[i]!);
  const more: Record<string, number> = {};
  results.forEach((r, i) => {
    if (taken.has(i) || repeats.has(i)) return;
    const ch = docOf(r).chapterId ?? '';
    more[ch] = (more[ch] ?? 0) + 1;
  });
  return { shown, more };
}
