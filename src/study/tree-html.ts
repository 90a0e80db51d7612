import type { TreeNode } from '../shared/content-types.ts';

/** Tags a card may carry into another app's HTML (the build already sanitized the tree). */
const KEEP = new Set(['p', 'br', 'strong', 'b', 'em', 'i', 'code', 'pre', 'ul', 'ol', 'li', 'a', 'sub', 'sup', 'kbd', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'span', 'abbr']);

export const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/**
 * Pure: a card's element tree as an HTML string for export (Anki). Only allowlisted tags are
 * kept (others are unwrapped), only `href` on links, only http(s) links; text is escaped.
 */
export function treeToHtml(nodes: readonly TreeNode[]): string {
  return nodes.map(nodeHtml).join('');
}

function nodeHtml(n: TreeNode): string {
  if (typeof n === 'string') return escapeHtml(n);
  const [tag, attrs, ...children] = n;
  const inner = treeToHtml(children);
  if (!KEEP.has(tag)) return inner;
  if (tag === 'br') return '<br>';
  const href = tag === 'a' && attrs?.href && /^https?:\/\//i.test(attrs.href) ? ` href="${escapeHtml(attrs.href)}"` : '';
  return `<${tag}${href}>${inner}</${tag}>`;
}

/** Pure: the plain text of a tree (for CSV, labels and search). */
export function treePlain(nodes: readonly TreeNode[]): string {
  return nodes.map((n) => (typeof n === 'string' ? n : treePlain(n.slice(2) as TreeNode[]))).join('');
}

/** Plain text written by the reader as HTML: escaped, line breaks kept. */
export const textToHtml = (s: string): string => escapeHtml(s).replace(/\r\n?|\n/g, '<br>');
