/**
 * Markdown a parser cannot choke on. marked recurses once per level of blockquote, list and
 * emphasis, so a note of a few thousand nested `>` overflows the stack. Before marked sees a
 * note, nesting beyond MAX_DEPTH is flattened: extra `>` markers are dropped, indentation is
 * capped, and emphasis markers beyond a line's budget are escaped (shown as the characters
 * themselves). Pure; the words of the note are all kept.
 */
export const MAX_DEPTH = 16;

/** Leading blockquote markers (`>` with optional spaces) of a line. */
const QUOTES = /^(?: {0,3}>)+/;

function capQuotes(line: string, max: number): { line: string; capped: boolean } {
  const m = QUOTES.exec(line);
  if (!m) return { line, capped: false };
  const markers = m[0].split('>').length - 1;
  if (markers <= max) return { line, capped: false };
  return { line: `${'>'.repeat(max)} ${line.slice(m[0].length).trimStart()}`, capped: true };
}

function capIndent(line: string, max: number): { line: string; capped: boolean } {
  const m = /^[ \t]+/.exec(line);
  if (!m) return { line, capped: false };
  const width = [...m[0]].reduce((w, c) => w + (c === '\t' ? 4 : 1), 0);
  const limit = max * 4;
  return width <= limit ? { line, capped: false } : { line: ' '.repeat(limit) + line.slice(m[0].length), capped: true };
}

/** Escapes emphasis delimiter runs (`*`, `_`, `~`) after the first `max` in a line. */
function capEmphasis(line: string, max: number): { line: string; capped: boolean } {
  let runs = 0;
  let capped = false;
  const out = line.replace(/(\\?)([*_~]+)/g, (whole, escaped: string, run: string) => {
    if (escaped) return whole;
    if (++runs <= max) return run;
    capped = true;
    return run.replace(/[*_~]/g, (c) => `\\${c}`);
  });
  return { line: out, capped };
}

/** The note with nesting held to `max` levels, and whether anything had to change. */
export function limitNesting(markdown: string, max = MAX_DEPTH): { markdown: string; capped: boolean } {
  let capped = false;
  const lines = markdown.split('\n').map((raw) => {
    const q = capQuotes(raw, max);
    const i = capIndent(q.line, max);
    const e = capEmphasis(i.line, max * 2);
    capped ||= q.capped || i.capped || e.capped;
    return e.line;
  });
  return { markdown: lines.join('\n'), capped };
}
