import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ContentManifest } from '../shared/content-types.ts';
import type { ChapterIndex } from './chapter-index.ts';
import { displayQuote, sectionAt } from './chapter-index.ts';
import { loadIndexes } from './chapter-indexes.ts';
import { NotebookEntry } from './NotebookEntry.tsx';
import { notebookRows, type NotebookGroup, type NotebookRow, type NotebookSort } from './notebook-model.ts';
import { VirtualList } from './VirtualList.tsx';

interface Props {
  manifest: ContentManifest;
  groups: NotebookGroup[];
  query: string;
  sort: NotebookSort;
}

/** The notebook's entries as one virtual list: chapter headings and entries, or newest first. */
export function NotebookList({ manifest, groups, query, sort }: Props) {
  const [indexes, setIndexes] = useState<Map<string, ChapterIndex | null>>(new Map());
  const ids = groups.map((g) => g.chapterId).join(',');
  useEffect(() => {
    let live = true;
    void loadIndexes(manifest, ids ? ids.split(',') : []).then((m) => live && setIndexes(m));
    return () => {
      live = false;
    };
  }, [manifest.version, ids]);
  const rows = useMemo(() => notebookRows(groups, sort), [groups, sort]);
  const titles = useMemo(() => new Map(manifest.chapters.map((c) => [c.id, c])), [manifest]);

  const render = (row: NotebookRow) => {
    if (row.kind === 'chapter') return <h2 class="nb-chapter">{row.title}</h2>;
    const a = row.a;
    const index = indexes.get(a.chapterId) ?? null;
    const chapter = titles.get(a.chapterId);
    let where: string | null = null;
    if (a.anchor && index) {
      const s = sectionAt(index, a.anchor.position.start);
      where = [s.sectionTitle, s.sub].filter(Boolean).join(' › ') || null;
    } else if (!a.anchor && a.sectionId) where = chapter?.outline.find((o) => o.id === a.sectionId)?.title ?? null;
    const quote = a.anchor ? displayQuote(a.anchor.quote.exact, a.anchor.position.start, index) : null;
    return <NotebookEntry a={a} quote={quote} where={where} chapterTitle={sort === 'date' ? (chapter?.title ?? a.chapterId) : null} query={query} />;
  };
  return (
    <VirtualList
      items={rows}
      keyOf={(r) => r.key}
      estimate={(r) => (r.kind === 'chapter' ? 64 : r.a.note ? 170 : 120)}
      render={render}
    />
  );
}
