import type { TreeElement, TreeNode } from '../shared/content-types.ts';

/** Pure picks from a chapter tree, for showing one part of a chapter on a practice screen. */
const isH2 = (n: TreeNode): n is TreeElement => typeof n !== 'string' && n[0] === 'h2';

/** The nodes of the `##` section with this id, without its heading (empty when it does not exist). */
export function sectionNodes(body: readonly TreeNode[], sectionId: string): TreeNode[] {
  const start = body.findIndex((n) => isH2(n) && n[1]?.id === sectionId);
  if (start < 0) return [];
  const end = body.findIndex((n, i) => i > start && isH2(n));
  return body.slice(start + 1, end < 0 ? undefined : end);
}

/** What comes before the first `##` (a case study's framing paragraph), without the `#` title. */
export function introNodes(body: readonly TreeNode[]): TreeNode[] {
  const end = body.findIndex(isH2);
  return body.slice(0, end < 0 ? undefined : end).filter((n) => typeof n === 'string' || n[0] !== 'h1');
}

/**
 * Prefixes every id (and the ARIA references to them) so several chapters' sections can share a
 * page without two elements having the same id.
 */
export function prefixIds(nodes: readonly TreeNode[], prefix: string): TreeNode[] {
  const map = (n: TreeNode): TreeNode => {
    if (typeof n === 'string') return n;
    const [tag, attrs, ...children] = n;
    let next = attrs;
    if (attrs) {
      next = { ...attrs };
      if (attrs.id) next.id = `${prefix}${attrs.id}`;
      for (const key of ['aria-labelledby', 'aria-describedby']) {
        const v = attrs[key];
        if (v) next[key] = v.split(/\s+/).map((x) => `${prefix}${x}`).join(' ');
      }
    }
    return [tag, next, ...children.map(map)];
  };
  return nodes.map(map);
}
