import type { TreeNode } from '../shared/content-types.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Elements the guide may contain. Anything else is dropped with its subtree. */
const HTML_TAGS = new Set([
  'h1', 'h2', 'h3', 'h4', 'p', 'ul', 'ol', 'li', 'blockquote', 'pre', 'code', 'em', 'strong', 'del', 'a', 'br', 'hr',
  'table', 'thead', 'tbody', 'tr', 'th', 'td', 'div', 'span', 'figure', 'figcaption', 'details', 'summary', 'sup', 'sub',
]);
const SVG_TAGS = new Set(['svg', 'g', 'path', 'rect', 'text', 'tspan', 'title', 'desc', 'defs', 'marker', 'line', 'circle']);
const ATTRS = new Set([
  'id', 'class', 'href', 'title', 'colspan', 'rowspan', 'scope', 'role', 'tabindex', 'start',
  'viewBox', 'width', 'height', 'x', 'y', 'dy', 'rx', 'ry', 'd', 'refX', 'refY', 'markerWidth', 'markerHeight', 'orient',
  'text-anchor', 'marker-end', 'x1', 'x2', 'y1', 'y2', 'cx', 'cy', 'r',
]);

const safeHref = (v: string) => /^(\/(?!\/)|#)/.test(v);

/**
 * Builds DOM from a chapter tree with createElement only — no HTML parsing, so nothing in the
 * guide can become script. Tags and attributes outside the allowlists are dropped.
 */
export function treeToDom(nodes: TreeNode[], doc: Document = document): DocumentFragment {
  const frag = doc.createDocumentFragment();
  nodes.forEach((n) => append(frag, n, false, doc));
  return frag;
}

function append(parent: Node, node: TreeNode, inSvg: boolean, doc: Document): void {
  if (typeof node === 'string') {
    parent.appendChild(doc.createTextNode(node));
    return;
  }
  const [tag, attrs, ...children] = node;
  const svg = inSvg || tag === 'svg';
  if (svg ? !SVG_TAGS.has(tag) : !HTML_TAGS.has(tag)) return;
  const el = svg ? doc.createElementNS(SVG_NS, tag) : doc.createElement(tag);
  if (attrs) {
    for (const [name, value] of Object.entries(attrs)) {
      if (name.startsWith('aria-') ? false : !ATTRS.has(name)) continue;
      if (name === 'href' && !safeHref(value)) continue;
      if (name === 'marker-end' && !/^url\(#[\w-]+\)$/.test(value)) continue;
      el.setAttribute(name, value);
    }
  }
  children.forEach((c) => append(el, c, svg, doc));
  parent.appendChild(el);
}
