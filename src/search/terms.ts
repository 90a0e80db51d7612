/**
 * How words become index terms, for the guide and for queries alike: split on anything that is
 * not a letter or digit, lower-case, drop accents and a few stop words, then a light English
 * stemmer so "embed", "embedding" and "embeddings" meet. Pure and small: it runs per keystroke.
 */

const SPLIT = /[^\p{L}\p{N}]+/u;
const MARKS = /\p{M}+/gu;

const STOP = new Set(
  'a an and are as at be by for from has have in is it its of on or that the this to was were will with'.split(' '),
);

/** Splits text into raw words (no processing). */
export function tokenize(text: string): string[] {
  return text.split(SPLIT).filter((w) => w.length > 0);
}

const DOUBLE = /(bb|dd|ff|gg|mm|nn|pp|rr|tt)$/;
const VOWEL = /[aeiouy]/;

/** A light suffix stemmer (plural, -ing, -ed, final -e); consistent, not linguistically perfect. */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3 || !/^[a-z]+$/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  for (const [suffix, min] of [['ing', 3], ['ed', 4]] as const) {
    if (w.endsWith(suffix)) {
      const base = w.slice(0, -suffix.length);
      if (base.length >= min && VOWEL.test(base)) {
        w = DOUBLE.test(base) ? base.slice(0, -1) : base;
      }
      break;
    }
  }
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  return w;
}

/** One raw word → its index term, or null for words not worth indexing. */
export function processTerm(word: string): string | null {
  const w = word.normalize('NFKD').replace(MARKS, '').toLowerCase();
  if (w.length === 0 || STOP.has(w)) return null;
  return stem(w);
}

/** Query words shorter than this match whole words only; longer ones also match as a prefix. */
export const PREFIX_MIN = 3;

/** Edits allowed for a query term: one for words of 5+ letters, none for shorter ones. */
export const fuzzyFor = (term: string): number | false => (term.length >= 5 ? 1 : false);
