/**
 * Chapter-text offsets ↔ DOM positions. An offset counts the characters of the text nodes under
 * the chapter root in document order — the same text as `treeText` of the chapter body — skipping
 * every subtree marked `data-ui` (controls the app adds to the chapter: buttons, note markers).
 * Uses no globals (`document`, `Node`, `NodeFilter`), so it runs against any DOM, jsdom included.
 */

const SHOW_ELEMENT = 0x1;
const SHOW_TEXT = 0x4;
const FILTER_ACCEPT = 1;
const FILTER_REJECT = 2;
const FILTER_SKIP = 3;
const TEXT_NODE = 3;
const PRECEDING = 0x2;
/** Text, CDATA, processing instruction, comment: a boundary offset counts characters in them. */
const CHARACTER_DATA = new Set([3, 4, 7, 8]);

const docOf = (root: Node): Document => root.ownerDocument ?? (root as Document);
const precedes = (t: Node, ref: Node): boolean => (ref.compareDocumentPosition(t) & PRECEDING) !== 0;

/** The chapter's text nodes in document order, leaving out everything inside a `data-ui` element. */
export function textNodes(root: Node): Text[] {
  const walker = docOf(root).createTreeWalker(root, SHOW_ELEMENT | SHOW_TEXT, {
    acceptNode: (n: Node) =>
      n.nodeType === TEXT_NODE ? FILTER_ACCEPT : (n as Element).hasAttribute('data-ui') ? FILTER_REJECT : FILTER_SKIP,
  });
  const out: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
}

/** The chapter's plain text as anchors count it. */
export function chapterText(root: Node): string {
  return textNodes(root)
    .map((t) => t.data)
    .join('');
}

/** The text offset of the DOM boundary point (node, offset) inside `root`. */
export function textOffsetOf(root: Node, node: Node, offset: number): number {
  if (node !== root && !root.contains(node)) throw new RangeError('the point is outside the chapter');
  let total = 0;
  for (const t of textNodes(root)) {
    if (t === node) return total + Math.min(Math.max(offset, 0), t.length);
    if (!isBefore(t, node, offset)) break;
    total += t.length;
  }
  return total;
}

/** Whether text node `t` lies wholly before the boundary point (node, offset). */
function isBefore(t: Text, node: Node, offset: number): boolean {
  if (CHARACTER_DATA.has(node.nodeType)) return precedes(t, node);
  const child = node.childNodes[offset];
  return child ? precedes(t, child) : node.contains(t) || precedes(t, node);
}

/** A DOM Range over the text offsets [start, end) of `root`. Throws a RangeError when out of range. */
export function rangeFromOffsets(root: Node, start: number, end: number): Range {
  const nodes = textNodes(root);
  const total = nodes.reduce((n, t) => n + t.length, 0);
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > total) {
    throw new RangeError(`offsets [${start}, ${end}) are outside a chapter text of ${total} characters`);
  }
  const range = docOf(root).createRange();
  const from = locate(nodes, start, 'start');
  if (!from) {
    range.setStart(root, 0);
    return range;
  }
  range.setStart(from.node, from.offset);
  const to = end === start ? from : locate(nodes, end, 'end');
  if (to) range.setEnd(to.node, to.offset);
  return range;
}

/**
 * The text node and offset for a text offset. A start sits in the node holding the next character;
 * an end in the node holding the previous one, so a range never begins or ends in a neighbour.
 */
function locate(nodes: Text[], at: number, side: 'start' | 'end'): { node: Text; offset: number } | null {
  let acc = 0;
  let last: Text | null = null;
  for (const node of nodes) {
    const len = node.length;
    if (side === 'start' ? at < acc + len : len > 0 && at > acc && at <= acc + len) return { node, offset: at - acc };
    acc += len;
    if (len > 0) last = node;
  }
  return last ? { node: last, offset: last.length } : null;
}

/**
 * The text offsets a Range covers, clipped to `root`; null when it is collapsed, lies in
 * another document or covers none of root's text.
 */
export function offsetsFromRange(root: Node, range: Range): { start: number; end: number } | null {
  if (range.collapsed || range.startContainer.getRootNode() !== root.getRootNode()) return null;
  const whole = docOf(root).createRange();
  whole.selectNodeContents(root);
  const s = whole.comparePoint(range.startContainer, range.startOffset);
  const e = whole.comparePoint(range.endContainer, range.endOffset);
  if (s > 0 || e < 0) return null;
  const start = s < 0 ? 0 : textOffsetOf(root, range.startContainer, range.startOffset);
  const end = e > 0 ? chapterText(root).length : textOffsetOf(root, range.endContainer, range.endOffset);
  return end > start ? { start, end } : null;
}
