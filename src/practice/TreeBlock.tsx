import { useEffect, useRef } from 'preact/hooks';
import { treeToDom } from '../content/tree-to-dom.ts';
import type { TreeNode } from '../shared/content-types.ts';

/** Part of a guide chapter, built from its sanitized tree (createElement only, no HTML parsing). */
export function TreeBlock({ nodes, class: cls }: { nodes: TreeNode[]; class?: string }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    host.current?.replaceChildren(treeToDom(nodes));
  }, [nodes]);
  return <div ref={host} class={cls ?? 'practice-tree'} />;
}
