import type { TreeNode } from '../../shared/content-types.ts';

/** Elements whose text is code or data, never typeset. */
const VERBATIM = new Set(['code', 'pre', 'kbd', 'samp']);
/** After these (or at the start) a quote mark opens; after anything else it closes. */
const OPENS_AFTER = /[\s([{\u2018\u201c\u2014\u2013/-]/;

/**
 * Curly quotes and apostrophes for the whole chapter tree, at build time ("don't" → "don’t",
 * "a "word"" → "a “word”"); code is left alone. One character for one, so every text offset
 * (and so every saved highlight position) stays where it was. Context runs across inline tags
 * (`*word*'s` closes after the emphasis).
 */
export function smartQuotes(nodes: readonly TreeNode[]): TreeNode[] {
  let prev = '';
  const text = (s: string): string => {
    let out = '';
    for (const ch of s) {
      if (ch === "'" || ch === '"') {
        const open = prev === '' || OPENS_AFTER.test(prev);
        out += ch === "'" ? (open ? '\u2018' : '\u2019') : open ? '\u201c' : '\u201d';
      } else out += ch;
      prev = out.slice(-1);
    }
    return out;
  };
  const walk = (n: TreeNode, verbatim: boolean): TreeNode => {
    if (typeof n === 'string') {
      if (verbatim) {
        if (n) prev = n.slice(-1);
        return n;
      }
      return text(n);
    }
    const [tag, attrs, ...children] = n;
    // A block starts a new context: a quote at its start opens.
    if (/^(p|li|h[1-6]|td|th|blockquote|figcaption|summary|div|dt|dd)$/.test(tag)) prev = '';
    const inner = verbatim || VERBATIM.has(tag);
    return [tag, attrs, ...children.map((c) => walk(c, inner))];
  };
  return nodes.map((n) => walk(n, false));
}

/** Curly quotes for a plain string (titles, outline entries). */
export const smartQuotesText = (s: string): string => {
  const out = smartQuotes([s])[0];
  return typeof out === 'string' ? out : s;
};
