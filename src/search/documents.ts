import type { Annotation } from '../annotations/types.ts';
import type { ChapterPayload, TreeElement, TreeNode } from '../shared/content-types.ts';
import type { UserCard } from '../study/types.ts';
import type { SearchDoc } from './doc-types.ts';

/**
 * Turns the guide and the user's data into search documents (pure: no DOM, no storage). The
 * guide is indexed block by block — each paragraph, list item, table row, quote and figure
 * caption with the element id the content build gave it — so a result opens at its block.
 */

const BLOCKS = new Set(['p', 'li', 'blockquote', 'pre', 'figure', 'table']);
const SKIP = new Set(['svg', 'style', 'script']);
const CHAPTER_SPAN = 10_000;

const isElement = (n: TreeNode): n is TreeElement => typeof n !== 'string';
const kids = (el: TreeElement): TreeNode[] => el.slice(2) as TreeNode[];
const idOf = (el: TreeElement): string | undefined => el[1]?.id;

/** Text of a node, leaving out nested blocks that carry their own id (they are documents too). */
function ownText(node: TreeNode): string {
  if (typeof node === 'string') return node;
  if (SKIP.has(node[0])) return '';
  return kids(node)
    .map((c) => (isElement(c) && BLOCKS.has(c[0]) && idOf(c) ? ' ' : ownText(c)))
    .join('');
}

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Documents of one compiled chapter; `rank` is its place in reading order. */
export function chapterDocs(chapter: ChapterPayload, rank: number, glossary = false): SearchDoc[] {
  if (glossary) return glossaryDocs(chapter, rank);
  const docs: SearchDoc[] = [];
  let section = { id: null as string | null, title: '' };
  let pos = 0;
  const add = (doc: Omit<SearchDoc, 'chapterId' | 'order' | 'sectionTitle'>) => {
    if (doc.text.length === 0 && doc.title.length === 0) return;
    docs.push({ ...doc, chapterId: chapter.id, sectionTitle: section.title, order: rank * CHAPTER_SPAN + pos++ });
  };
  const walk = (node: TreeNode) => {
    if (!isElement(node) || SKIP.has(node[0])) return;
    const [tag] = node;
    const id = idOf(node);
    if (/^h[1-6]$/.test(tag) && id) {
      const title = squash(ownText(node));
      if (tag === 'h1') section = { id: null, title: chapter.title };
      if (tag === 'h2') section = { id, title };
      add({ id: `g:${chapter.id}#${id}`, kind: 'guide', blockId: id, title, text: '' });
      return;
    }
    if (tag === 'table' && id) {
      let row = 0;
      const rows = (n: TreeNode) => {
        if (!isElement(n)) return;
        if (n[0] === 'tr') {
          const cells = kids(n).filter(isElement).map((c) => squash(ownText(c))).filter(Boolean);
          add({ id: `g:${chapter.id}#${id}:r${++row}`, kind: 'guide', blockId: id, title: '', text: cells.join(' · ') });
        } else kids(n).forEach(rows);
      };
      kids(node).forEach(rows);
      return;
    }
    if (BLOCKS.has(tag) && id) add({ id: `g:${chapter.id}#${id}`, kind: 'guide', blockId: id, title: '', text: squash(ownText(node)) });
    if (isElement(node) && node[1]?.class === 'cards') return; // the recall cards are indexed from `chapter.cards`
    kids(node).forEach(walk);
  };
  chapter.body.forEach(walk);
  chapter.cards.forEach((card, i) => {
    docs.push({
      id: `c:${card.id}`,
      kind: 'card',
      chapterId: chapter.id,
      sectionTitle: 'Recall cards',
      blockId: card.sectionId,
      title: squash(card.question.map(ownText).join('')),
      text: squash(card.answer.map(ownText).join('')),
      order: rank * CHAPTER_SPAN + CHAPTER_SPAN - 1000 + i,
    });
  });
  return docs;
}

/** The glossary: one document per term (its `###` heading) with its definition. */
export function glossaryDocs(chapter: ChapterPayload, rank: number): SearchDoc[] {
  const docs: SearchDoc[] = [];
  let current: SearchDoc | null = null;
  let letter = '';
  for (const node of chapter.body) {
    if (!isElement(node)) continue;
    const [tag] = node;
    if (tag === 'h2') letter = squash(ownText(node));
    if (/^h[1-3]$/.test(tag)) current = null;
    if (tag === 'h3' && idOf(node)) {
      current = {
        id: `t:${idOf(node)}`,
        kind: 'glossary',
        chapterId: chapter.id,
        sectionTitle: letter ? `Glossary · ${letter}` : 'Glossary',
        blockId: idOf(node) ?? null,
        title: squash(ownText(node)),
        text: '',
        order: rank * CHAPTER_SPAN + docs.length,
      };
      docs.push(current);
    } else if (current && !/^h[1-6]$/.test(tag)) {
      current.text = squash(`${current.text} ${ownText(node)}`);
    }
  }
  return docs;
}

/** The text of a glossary definition by term id, for the in-chapter popover. */
export function definitionOf(glossary: ChapterPayload, termId: string): { term: string; text: string } | null {
  const doc = glossaryDocs(glossary, 0).find((d) => d.blockId === termId);
  return doc ? { term: doc.title, text: doc.text } : null;
}

/** A highlight or note: its note and the passage it marks, filed under its chapter. */
export function annotationDoc(a: Annotation, chapterRank: number, sectionTitle: string): SearchDoc | null {
  const quote = a.anchor?.quote.exact ?? '';
  const text = squash(`${a.note} ${quote ? `“${quote}”` : ''}`);
  if (!text) return null;
  return {
    id: `n:${a.id}`,
    kind: 'note',
    chapterId: a.chapterId,
    sectionTitle,
    blockId: a.sectionId,
    title: '',
    text,
    order: chapterRank * CHAPTER_SPAN + CHAPTER_SPAN - 2000,
  };
}

/** A card the user made (soft-deleted cards are not searchable). */
export function userCardDoc(card: UserCard, chapterRank: number | null): SearchDoc | null {
  if (card.deleted) return null;
  return {
    id: `c:${card.id}`,
    kind: 'card',
    chapterId: card.chapterId,
    sectionTitle: 'Your cards',
    blockId: card.sectionId,
    title: squash(card.question),
    text: squash(card.answer),
    order: (chapterRank ?? 9_999) * CHAPTER_SPAN + CHAPTER_SPAN - 500,
  };
}
