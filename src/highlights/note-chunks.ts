import type { Token, Tokens } from 'marked';

/**
 * How a long note is shown in pieces, so the first screenful appears at once and the rest follows
 * (pure: no DOM, no marked instance). A huge note costs the parser, the sanitizer and layout time
 * in proportion to its length; the first screen only needs its beginning.
 */

/** The first screenful: at most this many characters… */
export const FIRST_SCREEN_CHARS = 4_000;
/** …or this many lines (a phone shows far fewer lines of a note than this). */
export const FIRST_SCREEN_LINES = 60;
/** Source characters per later piece (each piece: parse, sanitize, insert, then the page may draw). */
export const PIECE_CHARS = 8_000;

/**
 * The beginning of the note that fills the first screen: whole lines while they fit; a first line
 * longer than that is cut at its last space (or hard). The whole note when it is short.
 */
export function firstScreen(markdown: string, maxChars = FIRST_SCREEN_CHARS, maxLines = FIRST_SCREEN_LINES): string {
  if (markdown.length <= maxChars && countLines(markdown, maxLines + 1) <= maxLines) return markdown;
  let end = 0;
  for (let line = 0; line < maxLines; line++) {
    const next = markdown.indexOf('\n', end);
    const stop = next === -1 ? markdown.length : next;
    if (stop > maxChars) break;
    end = next === -1 ? stop : next + 1;
    if (next === -1) break;
  }
  if (end > 0) return markdown.slice(0, end);
  const space = markdown.lastIndexOf(' ', maxChars);
  const cut = space > maxChars / 2 ? space : maxChars;
  // Never split a surrogate pair.
  const code = markdown.charCodeAt(cut - 1);
  return markdown.slice(0, code >= 0xd800 && code <= 0xdbff ? cut - 1 : cut);
}

function countLines(text: string, stopAt: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1 && n < stopAt; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * One piece of the whole note: block tokens to render in a row. `continuesList` means the piece
 * is one list holding the next items of the list the previous piece ended with, so its items
 * belong inside that list element (a list of 12,000 items is still one list).
 */
export interface Piece {
  tokens: Token[];
  continuesList: boolean;
}

/**
 * The note's block tokens in pieces of about `size` source characters, in order. A list longer than
 * a piece is split between items, each part numbered from where it starts; any other block (a
 * paragraph, a quote, a table) is never split.
 */
export function pieces(tokens: readonly Token[], size = PIECE_CHARS): Piece[] {
  const out: Piece[] = [];
  let current: Token[] = [];
  let chars = 0;
  const close = () => {
    if (current.length) out.push({ tokens: current, continuesList: false });
    current = [];
    chars = 0;
  };
  for (const token of tokens) {
    if (token.type === 'list' && token.raw.length > size) {
      splitList(token as Tokens.List, size, chars).forEach((p, i) => {
        if (i === 0) {
          out.push({ tokens: [...current, p], continuesList: false });
          current = [];
          chars = 0;
        } else out.push({ tokens: [p], continuesList: true });
      });
      continue;
    }
    current.push(token);
    chars += token.raw.length;
    if (chars >= size) close();
  }
  close();
  return out;
}

/** A long list as lists of consecutive items, the first filling what is left of the current piece. */
function splitList(list: Tokens.List, size: number, used: number): Tokens.List[] {
  const parts: Tokens.List[] = [];
  let from = 0;
  let chars = used;
  for (let i = 0; i < list.items.length; i++) {
    chars += list.items[i]!.raw.length;
    if (chars >= size || i === list.items.length - 1) {
      parts.push(subList(list, from, i + 1));
      from = i + 1;
      chars = 0;
    }
  }
  return parts;
}

function subList(list: Tokens.List, from: number, to: number): Tokens.List {
  const items = list.items.slice(from, to);
  const start = list.ordered ? (typeof list.start === 'number' ? list.start : 1) + from : list.start;
  return { ...list, items, start, raw: items.map((it) => it.raw).join('') };
}
