import { textNodes } from '../annotations/text-offsets.ts';
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
  const marks = root.querySelectorAll('mark.hl');
  if (!marks.length) return;
  marks.forEach((mark) => {
    const parent = mark.parentNode;
    if (!parent) return;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    parent.removeChild(mark);
  });
  root.normalize();
}

/**
 * Wraps each highlight's text in <mark> elements — one per text segment it covers, nested where
 * highlights overlap — so a highlight may span paragraphs, list items and table cells without
 * moving any block. One pass over the chapter's text nodes, whatever the number of highlights.
 * Text inside diagrams (SVG) counts for offsets but is not wrapped.
 */
export function paintHighlights(root: HTMLElement, items: PaintItem[]): void {
  clearHighlights(root);
  if (!items.length) return;
  const sorted = [...items].sort((a, b) => a.start - b.start || b.end - a.end);
  const first = new Map<string, HTMLElement>();
  const last = new Map<string, HTMLElement>();
  let next = 0;
  let active: PaintItem[] = [];
  let pos = 0;
  for (const node of textNodes(root)) {
    const nodeStart = pos;
    const nodeEnd = pos + node.length;
    pos = nodeEnd;
    while (next < sorted.length && sorted[next]!.start < nodeEnd) active.push(sorted[next++]!);
    active = active.filter((it) => it.end > nodeStart);
    if (!active.length || node.parentElement?.namespaceURI === SVG_NS) continue;
    const covering = active.filter((it) => it.start < nodeEnd);
    if (!covering.length) continue;
    const cuts = new Set<number>([0, node.length]);
    for (const it of covering) {
      cuts.add(Math.max(0, it.start - nodeStart));
      cuts.add(Math.min(node.length, it.end - nodeStart));
    }
    const points = [...cuts].sort((a, b) => a - b);
    // Split from the end so earlier offsets stay valid; segments[i] covers points[i]..points[i+1].
    const segments: Text[] = [];
    for (let i = points.length - 2; i >= 0; i--) {
      const at = points[i]!;
      segments.unshift(at > 0 ? node.splitText(at) : node);
    }
    segments.forEach((seg, i) => {
      const a = nodeStart + points[i]!;
      const b = nodeStart + points[i + 1]!;
      const over = covering.filter((it) => it.start <= a && it.end >= b);
      let target: Node = seg;
      for (const it of [...over].reverse()) {
        const mark = document.createElement('mark');
        mark.className = `hl hl-${it.colour}`;
        mark.dataset.annotationId = it.id;
        target.parentNode!.insertBefore(mark, target);
        mark.appendChild(target);
        target = mark;
        if (!first.has(it.id)) first.set(it.id, mark);
        last.set(it.id, mark);
      }
    });
  }
  for (const it of sorted) {
    const head = first.get(it.id);
    if (!head) continue;
    head.id = `hl-${it.id}`;
    head.tabIndex = 0;
    head.title = it.hasNote ? 'Highlight with a note — open to read or edit' : 'Highlight — open to change or delete';
    const tail = last.get(it.id);
    if (tail && it.hasNote) {
      const marker = document.createElement('span');
      marker.dataset.ui = 'note-marker';
      marker.dataset.annotationId = it.id;
      marker.className = 'note-marker';
      marker.setAttribute('aria-hidden', 'true');
      marker.textContent = '✎';
      // After the outermost mark that ends here, so the marker never sits inside highlighted text.
      let outer: Element = tail;
      while (outer.parentElement?.matches('mark.hl')) outer = outer.parentElement;
      outer.after(marker);
    }
  }
}
