import type { SearchDoc } from './doc-types.ts';
import type { Candidate } from './engine.ts';
import { PREFIX_MIN, processTerm } from './terms.ts';

/**
 * A cheap answer while the guide's index loads (a cold open, or the first open after an update):
 * every document that has each query term at the start of a word, found by a plain scan of the
 * lower-cased text. Terms are stemmed as the index stems them, so "embeddings" and the typo
 * "embeding" both look for words starting "embed". Pure.
 */
export interface ScanText {
  docs: readonly SearchDoc[];
  /** Lower-cased title, a newline, then the text, per document. */
  folded: readonly string[];
}

export function scanText(docs: readonly SearchDoc[]): ScanText {
  return { docs, folded: docs.map((d) => `${d.title}\n${d.text}`.toLowerCase()) };
}

const isWordChar = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || c > 127;

/** Where `term` starts a word in `hay` (a whole word when it is short), from `from`; -1 if nowhere. */
function wordAt(hay: string, term: string, from: number): number {
  const whole = term.length < PREFIX_MIN;
  for (let i = hay.indexOf(term, from); i >= 0; i = hay.indexOf(term, i + 1)) {
    if (i > 0 && isWordChar(hay.charCodeAt(i - 1))) continue;
    if (whole && i + term.length < hay.length && isWordChar(hay.charCodeAt(i + term.length))) continue;
    return i;
  }
  return -1;
}

export function scanSearch(scan: ScanText, words: readonly string[], mode: 'AND' | 'OR'): Candidate[] {
  const terms = [...new Set(words.map((w) => processTerm(w)).filter((t): t is string => t !== null))];
  if (terms.length === 0) return [];
  const out: Candidate[] = [];
  scan.folded.forEach((hay, n) => {
    const titleEnd = hay.indexOf('\n');
    let score = 0;
    let matched = 0;
    for (const t of terms) {
      const first = wordAt(hay, t, 0);
      if (first < 0) continue;
      matched++;
      const again = wordAt(hay, t, first + t.length) >= 0 ? 0.5 : 0;
      score += 1 + again + (first < titleEnd ? 3 : 0);
    }
    if (matched === 0 || (mode === 'AND' && matched < terms.length)) return;
    // Shorter blocks first among equals (as BM25's length normalisation would).
    out.push({ doc: scan.docs[n]!, score: (score * matched) / (1 + Math.log1p(hay.length / 400)), terms: null });
  });
  return out;
}
