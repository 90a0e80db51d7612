import { PREFIX_MIN, processTerm } from './terms.ts';

/** A short extract of `text` around the first matched word, with the ranges to mark. Pure. */

const WORD = /[\p{L}\p{N}]+/gu;
export const SNIPPET_CHARS = 180;

/** Every [start, end) range of a word in `text` whose index term is one of `terms`. */
export function matchRanges(text: string, terms: ReadonlySet<string>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  if (terms.size === 0) return out;
  for (const m of text.matchAll(WORD)) {
    const t = processTerm(m[0]);
    if (t !== null && terms.has(t)) out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

export function makeSnippet(text: string, terms: ReadonlySet<string>, size = SNIPPET_CHARS): { snippet: string; marks: Array<[number, number]> } {
  const all = matchRanges(text, terms);
  if (text.length <= size) return { snippet: text, marks: all };
  const first = all[0]?.[0] ?? 0;
  let start = Math.max(0, first - Math.floor(size / 3));
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space >= 0 && space < first ? space + 1 : start;
  }
  let end = Math.min(text.length, start + size);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start + size / 2) end = space;
  }
  const lead = start > 0 ? '…' : '';
  const tail = end < text.length ? '…' : '';
  const marks = all
    .filter(([s, e]) => s >= start && e <= end)
    .map(([s, e]): [number, number] => [s - start + lead.length, e - start + lead.length]);
  return { snippet: `${lead}${text.slice(start, end)}${tail}`, marks };
}

/**
 * The index terms of `text` that the query words reach (the same word, or a longer one starting
 * with a query term of 3+ letters, as prefix matching does): what a scanned result marks.
 */
export function matchedTerms(text: string, words: readonly string[]): string[] {
  const wanted = words.map((w) => processTerm(w)).filter((t): t is string => t !== null);
  const out = new Set<string>();
  for (const m of text.matchAll(WORD)) {
    const t = processTerm(m[0]);
    if (t !== null && wanted.some((q) => t === q || (q.length >= PREFIX_MIN && t.startsWith(q)))) out.add(t);
    if (out.size >= 12) break;
  }
  return [...out];
}
