import type { TreeNode } from '../shared/content-types.ts';

/**
 * Where things are in a chapter's text (the text highlight offsets count, `treeText(body)`), for
 * the notebook and the exports: each section's start, and where one block ends and the next
 * begins. Pure: built from the chapter tree, no DOM.
 */
export interface ChapterIndex {
  /** `##` and `###` headings with the offset their text starts at, in order. */
  sections: { id: string; title: string; level: 2 | 3; start: number }[];
  /** Offsets at which a new block (paragraph, list item, cell, heading…) starts. */
  breaks: number[];
}

const BLOCKS = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'blockquote', 'pre', 'td', 'th', 'figcaption', 'summary', 'tr', 'div', 'figure', 'details']);

export function chapterIndex(body: readonly TreeNode[]): ChapterIndex {
  const sections: ChapterIndex['sections'] = [];
  const breaks: number[] = [];
  let offset = 0;
  const walk = (n: TreeNode) => {
    if (typeof n === 'string') {
      offset += n.length;
      return;
    }
    const [tag, attrs] = n;
    if (BLOCKS.has(tag) && breaks[breaks.length - 1] !== offset) breaks.push(offset);
    const start = offset;
    (n.slice(2) as TreeNode[]).forEach(walk);
    if ((tag === 'h2' || tag === 'h3') && attrs?.id) sections.push({ id: attrs.id, title: textOf(n), level: tag === 'h2' ? 2 : 3, start });
    if (BLOCKS.has(tag) && breaks[breaks.length - 1] !== offset) breaks.push(offset);
  };
  body.forEach(walk);
  sections.sort((a, b) => a.start - b.start);
  return { sections, breaks };
}

function textOf(n: TreeNode): string {
  return typeof n === 'string' ? n : (n.slice(2) as TreeNode[]).map(textOf).join('');
}

/** The `##` section (and `###` subsection, when inside one) that an offset falls in. */
export function sectionAt(index: ChapterIndex, offset: number): { section: string | null; sectionTitle: string | null; sub: string | null } {
  let section: ChapterIndex['sections'][number] | null = null;
  let sub: ChapterIndex['sections'][number] | null = null;
  for (const s of index.sections) {
    if (s.start > offset) break;
    if (s.level === 2) {
      section = s;
      sub = null;
    } else sub = s;
  }
  return { section: section?.id ?? null, sectionTitle: section?.title ?? null, sub: sub?.title ?? null };
}

/**
 * A quote as readers see it: a line break wherever the passage crossed from one block to the
 * next ("come back.\nIf introductions"), which the exact text (offsets count no breaks) lacks.
 */
export function displayQuote(exact: string, start: number, index: ChapterIndex | null): string {
  if (!index) return exact;
  const end = start + exact.length;
  const cuts = index.breaks.filter((b) => b > start && b < end).map((b) => b - start);
  let out = '';
  let last = 0;
  for (const c of cuts) {
    out += `${exact.slice(last, c).trimEnd()}\n`;
    last = c;
  }
  return out + exact.slice(last);
}
