import type { TreeNode } from '../shared/content-types.ts';

/** Whether the element with this id is `node` or inside it. */
function holds(node: TreeNode, id: string): boolean {
  if (typeof node === 'string') return false;
  const [, attrs, ...children] = node;
  return attrs?.id === id || children.some((c) => holds(c, id));
}

/** The index of the chapter's top-level block that holds the element with this id, or -1. */
export function blockIndexOf(nodes: readonly TreeNode[], id: string): number {
  return id ? nodes.findIndex((n) => holds(n, id)) : -1;
}

/** Characters of text in a block (what its height mostly follows). */
export function textLength(node: TreeNode): number {
  if (typeof node === 'string') return node.length;
  let n = 0;
  for (let i = 2; i < node.length; i++) n += textLength(node[i] as TreeNode);
  return n;
}

/**
 * A rough height in px for blocks not laid out yet: lines of `charsPerLine` at `lineHeight`, plus a
 * paragraph gap each. Only used to reserve room (it never decides what is drawn).
 */
export function estimateHeight(nodes: readonly TreeNode[], charsPerLine: number, lineHeight: number): number {
  let h = 0;
  for (const n of nodes) {
    if (typeof n === 'string' && !n.trim()) continue;
    h += Math.max(1, Math.ceil(textLength(n) / Math.max(1, charsPerLine))) * lineHeight + lineHeight * 0.6;
  }
  return Math.round(h);
}
