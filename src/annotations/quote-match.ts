import search from 'approx-string-match';

/** The quote to look for: the exact text and the context saved either side of it. */
export interface Quote {
  exact: string;
  prefix: string;
  suffix: string;
}

export interface MatchOptions {
  /** Where the quote is expected to start (the saved position); breaks ties between candidates. */
  hint?: number;
  /** Errors (insertions, deletions, substitutions) allowed, as a fraction of the quote's length. */
  maxErrorsRatio?: number;
}

export interface QuoteMatch {
  start: number;
  end: number;
  /** 0–1: 1 is the exact quote, with its whole saved context, at the hinted position. */
  score: number;
}

/** A candidate with each part of its score, every part in [0, 1]. */
export interface ScoredMatch extends QuoteMatch {
  errors: number;
  quote: number;
  prefix: number;
  suffix: number;
  position: number;
}

/**
 * How much each signal counts. The quote dominates: it is the text the user chose. The context
 * either side is what tells two similar passages apart (a phrase repeated in a recall card, a
 * sentence reworded in two sections), so together it weighs almost as much. Position is only a
 * tie-breaker: revisions move text freely, so the old offset is weak evidence, and letting it
 * count more would pull a highlight onto whatever now sits at its old place.
 */
export const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 } as const;
export const DEFAULT_MAX_ERRORS_RATIO = 0.25;

/** Searches per quote; each finds the next-best candidates once the earlier ones are masked. */
const MAX_ROUNDS = 8;
/** Candidates kept at most: a phrase found more often than this is ambiguous anyway. */
const MAX_CANDIDATES = 200;
const MASK = '\u0000';

interface Found {
  start: number;
  end: number;
  errors: number;
}

/** Every candidate for the quote, best first, none overlapping a better one (to detect ambiguity). */
export function matchQuoteCandidates(text: string, quote: Quote, opts: MatchOptions = {}): ScoredMatch[] {
  if (quote.exact === '') return [];
  const ratio = opts.maxErrorsRatio ?? DEFAULT_MAX_ERRORS_RATIO;
  const maxErrors = Math.floor(quote.exact.length * Math.min(Math.max(ratio, 0), 1));
  const scored = findAll(text, quote.exact, maxErrors)
    .map((m) => scoreMatch(text, quote, refineEnds(text, quote, m), opts.hint))
    .sort((a, b) => b.score - a.score || a.start - b.start);
  const kept: ScoredMatch[] = [];
  for (const c of scored) if (!kept.some((k) => c.start < k.end && k.start < c.end)) kept.push(c);
  return kept;
}

/** The best match for the quote within the error budget, or null when there is none. */
export function matchQuote(text: string, quote: Quote, opts: MatchOptions = {}): QuoteMatch | null {
  const best = matchQuoteCandidates(text, quote, opts)[0];
  return best ? { start: best.start, end: best.end, score: best.score } : null;
}

/** Scores one candidate [start, end) with `errors` edits from the quote (see WEIGHTS). */
export function scoreMatch(text: string, quote: Quote, m: Found, hint?: number): ScoredMatch {
  const q = quote.exact.length ? Math.max(0, 1 - m.errors / quote.exact.length) : 0;
  const prefix = contextSimilarity(quote.prefix, text, m.start, 'before');
  const suffix = contextSimilarity(quote.suffix, text, m.end, 'after');
  const position = hint === undefined ? 0 : 1 - Math.min(1, Math.abs(m.start - hint) / Math.max(1, text.length));
  const total = WEIGHTS.quote + WEIGHTS.prefix + WEIGHTS.suffix + (hint === undefined ? 0 : WEIGHTS.position);
  const sum = WEIGHTS.quote * q + WEIGHTS.prefix * prefix + WEIGHTS.suffix * suffix + WEIGHTS.position * position;
  return { start: m.start, end: m.end, errors: m.errors, quote: q, prefix, suffix, position, score: sum / total };
}

/**
 * How well saved context matches the text just before (or after) offset `at`: 1 − the edit
 * distance to the best-aligned text touching `at`, divided by the context's length; in [0, 1].
 * An empty context (the quote was at the edge of the text) matches only the same edge.
 */
export function contextSimilarity(expected: string, text: string, at: number, side: 'before' | 'after'): number {
  if (expected === '') return (side === 'before' ? at <= 0 : at >= text.length) ? 1 : 0;
  const span = expected.length + Math.ceil(expected.length / 2);
  const distance =
    side === 'before'
      ? distanceToPrefix(reverse(expected), reverse(text.slice(Math.max(0, at - span), at)))
      : distanceToPrefix(expected, text.slice(at, at + span));
  return Math.max(0, 1 - distance / expected.length);
}

/** Edit distance between `a` and the prefix of `b` closest to it. */
function distanceToPrefix(a: string, b: string): number {
  return Math.min(...lastRow(a, b, false));
}

/**
 * The last row of the edit-distance table of `a` against `b`: entry j is the cost of aligning
 * all of `a` with text ending just before b[j]; with `freeStart`, that text may start anywhere.
 */
function lastRow(a: string, b: string, freeStart: boolean): number[] {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => (freeStart ? 0 : j));
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const same = a.charCodeAt(i - 1) === b.charCodeAt(j - 1);
      cur.push(Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (same ? 0 : 1)));
    }
    prev = cur;
  }
  return prev;
}

/**
 * Moves the ends of an approximate match to where the saved context says they belong. An edit at
 * the edge of a quote is otherwise aligned inside the neighbouring text ("500 from co-watch" as
 * "rom co-watch": three substitutions instead of five insertions). Each end is placed where the
 * context plus the nearby part of the quote align at least cost; ties keep the searcher's choice.
 */
function refineEnds(text: string, quote: Quote, m: Found): Found {
  if (m.errors === 0) return m;
  const slack = Math.min(m.errors, 64);
  const part = Math.min(quote.exact.length, 2 * slack + 32);
  let { start, end, errors } = m;
  if (quote.prefix) {
    const from = Math.max(0, m.start - quote.prefix.length - slack);
    const win = text.slice(from, Math.min(text.length, m.start + part + slack));
    const before = lastRow(quote.prefix, win, true);
    const after = lastRow(reverse(quote.exact.slice(0, part)), reverse(win), true).reverse();
    const best = bestBoundary(before, after, m.start - from);
    errors += (after[best] ?? 0) - (after[m.start - from] ?? 0);
    start = from + best;
  }
  if (quote.suffix) {
    const from = Math.max(0, m.end - part - slack);
    const win = text.slice(from, Math.min(text.length, m.end + quote.suffix.length + slack));
    const before = lastRow(quote.exact.slice(-part), win, true);
    const after = lastRow(reverse(quote.suffix), reverse(win), true).reverse();
    const best = bestBoundary(before, after, m.end - from);
    errors += (before[best] ?? 0) - (before[m.end - from] ?? 0);
    end = from + best;
  }
  return end > start ? { start, end, errors: Math.min(Math.max(errors, 0), quote.exact.length) } : m;
}

/** The index minimising before[j] + after[j]; among ties, the one nearest `current`. */
function bestBoundary(before: number[], after: number[], current: number): number {
  let best = current;
  let cost = (before[current] ?? Infinity) + (after[current] ?? Infinity);
  before.forEach((b, j) => {
    const c = b + (after[j] ?? Infinity);
    if (c < cost || (c === cost && Math.abs(j - current) < Math.abs(best - current))) [best, cost] = [j, c];
  });
  return best;
}

const reverse = (s: string) => s.split('').reverse().join('');

/**
 * All approximate occurrences of `pattern`. approx-string-match returns only the lowest-error
 * matches, so each round masks what it found and searches again for the next best.
 */
function findAll(text: string, pattern: string, maxErrors: number): Found[] {
  const out: Found[] = [];
  let masked = text;
  for (let round = 0; round < MAX_ROUNDS && out.length < MAX_CANDIDATES; round++) {
    const found = search(masked, pattern, maxErrors).filter((m) => m.end > m.start);
    if (found.length === 0) break;
    out.push(...found.slice(0, MAX_CANDIDATES - out.length));
    masked = mask(masked, found);
  }
  return out;
}

/** `text` with every found range replaced by NUL (never in chapter text), keeping offsets. */
function mask(text: string, found: Found[]): string {
  const sorted = [...found].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const m of sorted) {
    const from = Math.max(at, m.start);
    out += text.slice(at, from) + MASK.repeat(Math.max(0, m.end - from));
    at = Math.max(at, m.end);
  }
  return out + text.slice(at);
}
