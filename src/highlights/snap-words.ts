/** A letter, digit or joiner inside a word (apostrophes and hyphens between letters count). */
const WORD = /[\p{L}\p{N}_]/u;
const JOINER = /['\u2019\u2010\u2011-]/;

const inWord = (text: string, i: number): boolean => {
  const c = text[i];
  if (c === undefined) return false;
  if (WORD.test(c)) return true;
  return JOINER.test(c) && WORD.test(text[i - 1] ?? '') && WORD.test(text[i + 1] ?? '');
};

/**
 * Pure: widens [start, end) of `text` to whole words and drops spaces at either edge, as a touch
 * selection does — so a selection made with a mouse, pen or the keyboard never cuts a word
 * ("someth|ing" becomes "something"). A selection of spaces only is returned unchanged.
 */
export function snapToWords(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] ?? '')) s++;
  while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
  if (s >= e) return { start, end };
  while (s > 0 && inWord(text, s - 1) && inWord(text, s)) s--;
  while (e < text.length && inWord(text, e - 1) && inWord(text, e)) e++;
  return { start: s, end: e };
}
