import { rangeFromOffsets } from '../annotations/text-offsets.ts';
import type { Colour } from '../annotations/types.ts';

export interface PaintItem {
  id: string;
  start: number;
  end: number;
  colour: Colour;
  hasNote: boolean;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Removes every highlight mark and note marker, leaving the chapter's text as it was. */
export function clearHighlights(root: HTMLElement): void {
  root.querySelectorAll('[data-ui="note-marker"]').forEach((el) => el.remove());
  root.querySelectorAll('mark.hl').forEach((mark) => {
    const parent = mark.parentNode;
    if (!parent) return;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    parent.removeChild(mark);
  });
  root.normalize();
}

/**
 * Wraps each highlight's text in <mark> elements — one per text node it touches, so a highlight
 * may span paragraphs, list items and table cells and overlap others without moving any block.
 * Text inside diagrams (SVG) counts for offsets but is not wrapped.
 */
export function paintHighlights(root: HTMLElement, items: PaintItem[]): void {
  clearHighlights(root);
  for (const item of items) {
    const range = rangeFromOffsets(root, item.start, item.end);
    const nodes = textNodesIn(range, root);
    let first: HTMLElement | null = null;
    let last: HTMLElement | null = null;
    for (const { node, from, to } of nodes) {
      if (node.parentElement?.namespaceURI === SVG_NS || node.parentElement?.closest('[data-ui]')) continue;
      let target = node;
      if (to < target.length) target.splitText(to);
      if (from > 0) target = target.splitText(from);
      const mark = document.createElement('mark');
      mark.className = `hl hl-${item.colour}`;
      mark.dataset.annotationId = item.id;
      target.parentNode!.insertBefore(mark, target);
      mark.appendChild(target);
      first ??= mark;
      last = mark;
    }
    if (first) {
      first.id = `hl-${item.id}`;
      first.tabIndex = 0;
      first.title = item.hasNote ? 'Highlight with a note — open to read or edit' : 'Highlight — open to change or delete';
    }
    if (last && item.hasNote) {
      const marker = document.createElement('span');
      marker.dataset.ui = 'note-marker';
      marker.dataset.annotationId = item.id;
      marker.className = 'note-marker';
      marker.setAttribute('aria-hidden', 'true');
      marker.textContent = '✎';
      last.after(marker);
    }
  }
}

/** The text nodes a range covers, with the covered part of each. */
function textNodesIn(range: Range, root: Node): { node: Text; from: number; to: number }[] {
  const out: { node: Text; from: number; to: number }[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    if (!range.intersectsNode(n)) continue;
    const from = n === range.startContainer ? range.startOffset : 0;
    const to = n === range.endContainer ? range.endOffset : n.length;
    if (to > from) out.push({ node: n, from, to });
  }
  return out;
}
