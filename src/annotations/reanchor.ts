import { matchQuoteCandidates, scoreMatch, type Quote, type ScoredMatch } from './quote-match.ts';
import type { Anchor, Reanchored } from './types.ts';

/**
 * Placing a saved highlight in a revised chapter: position, then exact quote, then fuzzy quote.
 * Each step accepts only a confident, unambiguous answer; when in doubt the highlight is orphaned
 * (kept, listed, never painted) rather than attached to the wrong text.
 */

/** The saved position is trusted only if the context around it still matches this well (0–1). */
export const POSITION_MIN_CONTEXT = 0.8;
/**
 * Even a single exact occurrence needs this much context support (mean of both sides): at least
 * one side of the saved context must still be recognisable. The guide repeats its own sentences
 * (a recall card restates the body), so a lone copy elsewhere is not proof. Unrelated text
 * scores about 0.2 (0.36 at the 99.9th percentile over the guide); one surviving side gives ≥ 0.6.
 */
export const QUOTE_MIN_CONTEXT = 0.5;
/** Between several exact occurrences, the best context must beat the next by this much. */
export const QUOTE_MARGIN = 0.15;
/** Shorter quotes are never fuzzy-matched: too many near-identical phrases. */
export const MIN_FUZZY_LENGTH = 12;
/**
 * A fuzzy candidate needs at least this score (see WEIGHTS in quote-match.ts) … An exact copy of
 * the quote amid unrelated text scores about 0.66 (0.72 at the 99.9th percentile); a word changed
 * inside a highlight whose context survives scores about 0.93.
 */
export const FUZZY_THRESHOLD = 0.8;
/** … and must beat the runner-up by this much. */
export const FUZZY_MARGIN = 0.1;
/** Edits allowed inside the quote for a fuzzy match, as a fraction of its length. */
export const FUZZY_MAX_ERRORS_RATIO = 0.25;

/** Exact occurrences looked at, at most; a phrase that common is ambiguous anyway. */
const MAX_OCCURRENCES = 200;

type Orphaned = Extract<Reanchored, { status: 'orphaned' }>;
type Method = Extract<Reanchored, { status: 'anchored' }>['method'];

const orphan = (reason: Orphaned['reason']): Orphaned => ({ status: 'orphaned', reason });
const anchored = (m: ScoredMatch, method: Method): Reanchored => ({ status: 'anchored', start: m.start, end: m.end, method, score: m.score });
/** Mean similarity of the saved context either side of a candidate. */
export const contextOf = (m: ScoredMatch): number => (m.prefix + m.suffix) / 2;

/** Places a saved anchor in `text` (the chapter's current plain text), or says why it cannot. */
export function reanchor(anchor: Anchor, current: string): Reanchored {
  // Curly and straight quotes compare equal (the build made the guide's quotes curly, one
  // character for one, so offsets hold): a highlight saved before that still finds its place.
  const text = foldQuotes(current);
  const quote: Quote = { exact: foldQuotes(anchor.quote.exact), prefix: foldQuotes(anchor.quote.prefix), suffix: foldQuotes(anchor.quote.suffix) };
  if (quote.exact === '') return orphan('not-found');
  const hint = anchor.position.start;
  const atPosition = byPosition(text, quote, hint);
  if (atPosition) return atPosition;
  const exact = byExactQuote(text, quote, hint);
  if (exact.status === 'anchored' || quote.exact.length < MIN_FUZZY_LENGTH) return exact;
  return byFuzzyQuote(text, quote, hint);
}

/** Curly quotes and apostrophes as straight ones (one character for one: offsets are unchanged). */
export const foldQuotes = (s: string): string => s.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"');

/** (a) The saved offsets still hold the quote, and its old neighbours are still around it. */
function byPosition(text: string, quote: Quote, start: number): Reanchored | null {
  const end = start + quote.exact.length;
  if (text.slice(start, end) !== quote.exact) return null;
  const m = scoreMatch(text, quote, { start, end, errors: 0 }, start);
  return contextOf(m) >= POSITION_MIN_CONTEXT ? anchored(m, 'position') : null;
}

/** (b) The quote verbatim: one occurrence, or the one whose context is clearly the best. */
function byExactQuote(text: string, quote: Quote, hint: number): Reanchored {
  const found = occurrences(text, quote.exact)
    .map((start) => scoreMatch(text, quote, { start, end: start + quote.exact.length, errors: 0 }, hint))
    .sort((a, b) => contextOf(b) - contextOf(a) || b.position - a.position);
  const [best, second] = found;
  if (!best) return orphan('not-found');
  if (second && contextOf(best) - contextOf(second) < QUOTE_MARGIN) return orphan('ambiguous');
  if (contextOf(best) < QUOTE_MIN_CONTEXT) return orphan('low-confidence');
  return anchored(best, 'quote');
}

/** (c) The quote with a few edits, accepted only when confident and unambiguous. */
function byFuzzyQuote(text: string, quote: Quote, hint: number): Reanchored {
  const [best, second] = matchQuoteCandidates(text, quote, { hint, maxErrorsRatio: FUZZY_MAX_ERRORS_RATIO });
  if (!best) return orphan('not-found');
  if (best.score < FUZZY_THRESHOLD) return orphan('low-confidence');
  if (second && best.score - second.score < FUZZY_MARGIN) return orphan('ambiguous');
  return anchored(best, 'fuzzy');
}

/** Start offsets of every occurrence of `exact` (overlapping ones included). */
function occurrences(text: string, exact: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(exact); i !== -1 && out.length < MAX_OCCURRENCES; i = text.indexOf(exact, i + 1)) out.push(i);
  return out;
}
