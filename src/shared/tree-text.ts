import type { TreeNode } from './content-types.ts';

/**
 * Plain text of a chapter tree: the text that highlight offsets count (the same characters, in
 * the same order, as the text nodes of the rendered chapter). Used for word counts, selectors and
 * re-anchoring without a DOM.
 */
export function treeText(nodes: TreeNode[]): string {
  let out = '';
  const walk = (n: TreeNode) => {
    if (typeof n === 'string') out += n;
    else (n.slice(2) as TreeNode[]).forEach(walk);
  };
  nodes.forEach(walk);
  return out;
}
