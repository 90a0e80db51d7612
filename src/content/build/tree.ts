import type { TreeElement, TreeNode } from '../../shared/content-types.ts';

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;');
const VOID = new Set(['br', 'hr', 'img', 'col', 'wbr']);

/** Serialises a tree to HTML (used to hand generated parts to DOMPurify with the rest). */
export function treeToHtml(node: TreeNode): string {
  if (typeof node === 'string') return escapeText(node);
  const [tag, attrs, ...children] = node;
  const a = attrs
    ? Object.entries(attrs)
        .map(([k, v]) => ` ${k}="${escapeAttr(v)}"`)
        .join('')
    : '';
  if (VOID.has(tag)) return `<${tag}${a}>`;
  return `<${tag}${a}>${children.map(treeToHtml).join('')}</${tag}>`;
}

export { treeText } from '../../shared/tree-text.ts';

const PRESERVE_WS = new Set(['pre', 'code', 'text', 'tspan', 'title', 'desc']);
const BLOCKS = new Set(['p', 'li', 'blockquote', 'pre', 'figure', 'table']);

interface DomLike {
  nodeType: number;
  nodeValue: string | null;
  childNodes: ArrayLike<DomLike>;
  localName?: string;
  attributes?: ArrayLike<{ name: string; value: string }>;
}

/**
 * Converts sanitized DOM into a tree, dropping whitespace between blocks and giving every
 * block element without an id a stable one: `<nearest heading id>-p<n>`.
 */
export function domToTree(root: DomLike): TreeNode[] {
  let section = 'intro';
  const counters = new Map<string, number>();
  const convert = (node: DomLike, keepWs: boolean): TreeNode | null => {
    if (node.nodeType === 3) {
      const text = node.nodeValue ?? '';
      return !keepWs && text.trim() === '' ? null : text;
    }
    if (node.nodeType !== 1 || !node.localName) return null;
    const tag = node.localName;
    const attrs: Record<string, string> = {};
    for (const attr of Array.from(node.attributes ?? [])) attrs[attr.name] = attr.value;
    if (/^h[1-6]$/.test(tag) && attrs.id) section = attrs.id;
    else if (BLOCKS.has(tag) && !attrs.id) {
      const n = (counters.get(section) ?? 0) + 1;
      counters.set(section, n);
      attrs.id = `${section}-p${n}`;
    }
    const inline = keepWs || PRESERVE_WS.has(tag) || hasInlineText(node);
    const children: TreeNode[] = [];
    for (const child of Array.from(node.childNodes)) {
      const c = convert(child, inline);
      if (c !== null) children.push(c);
    }
    const el: TreeElement = [tag, Object.keys(attrs).length ? attrs : null, ...children];
    return el;
  };
  const out: TreeNode[] = [];
  for (const child of Array.from(root.childNodes)) {
    const c = convert(child, false);
    if (c !== null) out.push(c);
  }
  return out;
}

/** An element whose direct children include non-blank text keeps its whitespace (inline flow). */
function hasInlineText(node: DomLike): boolean {
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 3 && (child.nodeValue ?? '').trim() !== '') return true;
    if (child.nodeType === 1 && INLINE.has(child.localName ?? '')) return true;
  }
  return false;
}

const INLINE = new Set(['a', 'em', 'strong', 'code', 'span', 'b', 'i', 'sub', 'sup', 'br', 'del', 'mark', 'abbr', 'kbd']);
