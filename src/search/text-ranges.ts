import { processTerm } from './terms.ts';

/**
 * DOM Ranges over a chapter's text, painted with the CSS Custom Highlight API: nothing is
 * inserted into the chapter, so highlights, offsets and the reader's own marks are untouched.
 */

interface TextMap {
  nodes: Text[];
  starts: number[];
  text: string;
}

/** The text nodes under `root` (skipping app controls marked `data-ui`) and their joined text. */
export function textMap(root: Node): TextMap {
  const nodes: Text[] = [];
  const starts: number[] = [];
  let text = '';
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => ((n.parentElement?.closest('[data-ui]') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT)),
  });
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    nodes.push(n);
    starts.push(text.length);
    text += n.data;
  }
  return { nodes, starts, text };
}

function locate(map: TextMap, offset: number, end: boolean): [Text, number] | null {
  let lo = 0;
  let hi = map.nodes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((map.starts[mid] ?? 0) < offset || (!end && map.starts[mid] === offset)) lo = mid;
    else hi = mid - 1;
  }
  const node = map.nodes[lo];
  return node ? [node, offset - (map.starts[lo] ?? 0)] : null;
}

export function rangeOf(map: TextMap, start: number, end: number): Range | null {
  const a = locate(map, start, false);
  const b = locate(map, end, true);
  if (!a || !b) return null;
  const r = document.createRange();
  r.setStart(a[0], Math.min(a[1], a[0].length));
  r.setEnd(b[0], Math.min(b[1], b[0].length));
  return r;
}

/** Ranges of the words under `root` whose index term is one of `terms` (a search result's words). */
export function termRanges(root: Node, terms: ReadonlySet<string>): Range[] {
  const out: Range[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    for (const m of n.data.matchAll(/[\p{L}\p{N}]+/gu)) {
      const t = processTerm(m[0]);
      if (t === null || !terms.has(t)) continue;
      const r = document.createRange();
      r.setStart(n, m.index);
      r.setEnd(n, m.index + m[0].length);
      out.push(r);
    }
  }
  return out;
}

type Registry = { set(name: string, h: unknown): void; delete(name: string): void };
const registry = (): Registry | null => (globalThis.CSS as unknown as { highlights?: Registry } | undefined)?.highlights ?? null;
const HighlightCtor = (globalThis as unknown as { Highlight?: new (...r: Range[]) => unknown }).Highlight;

/** Paints `ranges` under the highlight `name` (or clears it); false where the browser cannot. */
export function paint(name: string, ranges: Range[]): boolean {
  const reg = registry();
  if (!reg || !HighlightCtor) return false;
  if (ranges.length === 0) reg.delete(name);
  else reg.set(name, new HighlightCtor(...ranges));
  return true;
}
