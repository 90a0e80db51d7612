import type { DocKind, SearchDoc } from './doc-types.ts';

/**
 * The guide's documents as stored beside its index (pure): columns instead of one object per
 * document, chapter ids and section titles listed once. Document `i` is id `i` in the index.
 * The documents' own ids are not kept (only results of the user's index need theirs).
 */
export interface DocTable {
  chapters: string[];
  sections: string[];
  /** One letter a document: g guide, t glossary, c card. */
  kinds: string;
  chapter: number[];
  section: number[];
  block: string[];
  title: string[];
  text: string[];
  order: number[];
}

const LETTER: Record<DocKind, string> = { guide: 'g', glossary: 't', card: 'c', note: 'n' };
const KIND: Record<string, DocKind> = { g: 'guide', t: 'glossary', c: 'card', n: 'note' };

export function packDocs(docs: readonly SearchDoc[]): DocTable {
  const chapters = new Map<string, number>();
  const sections = new Map<string, number>();
  const slot = (m: Map<string, number>, k: string) => m.get(k) ?? (m.set(k, m.size), m.size - 1);
  const t: DocTable = { chapters: [], sections: [], kinds: '', chapter: [], section: [], block: [], title: [], text: [], order: [] };
  let kinds = '';
  for (const d of docs) {
    kinds += LETTER[d.kind];
    t.chapter.push(slot(chapters, d.chapterId ?? ''));
    t.section.push(slot(sections, d.sectionTitle));
    t.block.push(d.blockId ?? '');
    t.title.push(d.title);
    t.text.push(d.text);
    t.order.push(d.order);
  }
  return { ...t, kinds, chapters: [...chapters.keys()], sections: [...sections.keys()] };
}

/** The documents back, in index order; throws on a table that does not hold together. */
export function unpackDocs(t: DocTable): SearchDoc[] {
  const n = t.kinds.length;
  if (![t.chapter, t.section, t.block, t.title, t.text, t.order].every((col) => Array.isArray(col) && col.length === n)) throw new Error('The stored search documents are damaged.');
  const docs: SearchDoc[] = new Array(n);
  for (let i = 0; i < n; i++) {
    docs[i] = {
      id: `#${i}`,
      kind: KIND[t.kinds[i]!] ?? 'guide',
      chapterId: t.chapters[t.chapter[i]!] || null,
      sectionTitle: t.sections[t.section[i]!] ?? '',
      blockId: t.block[i] || null,
      title: t.title[i]!,
      text: t.text[i]!,
      order: t.order[i]!,
    };
  }
  return docs;
}
