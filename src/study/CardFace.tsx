import { useEffect, useRef, useState } from 'preact/hooks';
import { treeToDom } from '../content/tree-to-dom.ts';
import { renderNote } from '../highlights/render-note.ts';
import type { TreeNode } from '../shared/content-types.ts';
import type { StudyCard } from './study-data.ts';
import { highlightGone } from './user-cards.ts';

/** A guide card's element tree (createElement only) or a reader's Markdown (sanitized). */
export function CardContent({ content, cls }: { content: TreeNode[] | string; cls: string }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    if (typeof content !== 'string') {
      el.replaceChildren(treeToDom(content));
      return;
    }
    let live = true;
    el.textContent = content;
    void renderNote(content).then((r) => {
      if (!live || !host.current) return;
      if (r.kind === 'html') host.current.innerHTML = r.html as unknown as string;
      else host.current.textContent = r.text;
    });
    return () => {
      live = false;
    };
  }, [content]);
  return <div class={`card-content ${cls}`} ref={host} />;
}

/** Where a card came from: the guide's section, or the reader's highlight (which may need a new place). */
export function SourceLink({ card }: { card: StudyCard }) {
  const [orphan, setOrphan] = useState(false);
  const highlightId = card.kind === 'user' ? card.highlightId : null;
  useEffect(() => {
    setOrphan(false);
    if (!highlightId) return;
    let live = true;
    void highlightGone(highlightId)
      .then((gone) => live && setOrphan(gone))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [highlightId]);
  if (!card.chapterId) return null;
  // Cards before the first section heading belong to "intro", which has no anchor: open the chapter's top.
  const section = card.sectionId && card.sectionId !== 'intro' ? `#${card.sectionId}` : '';
  const href = highlightId && !orphan ? `/read/${card.chapterId}#hl-${highlightId}` : `/read/${card.chapterId}${section}`;
  return (
    <p class="card-source">
      <a href={href}>Open in the guide</a>
      <span class="meta"> · {card.chapterTitle}</span>
      {orphan && <span class="card-orphan"> The highlight this card came from needs a new place in the guide; the card is kept.</span>}
    </p>
  );
}
