import { mountInChapter } from '../ui/island.tsx';
import { useEffect, useState } from 'preact/hooks';
import type { ChapterPayload } from '../shared/content-types.ts';
import type { ChapterCounts } from './chapter-counts.ts';
import { reviewHref } from './deck.ts';
import { onStudyChange } from './due-badge.ts';
import { readChapterCounts } from './study-store.ts';
import './study.css';

/**
 * The chapter's study line (due / new / learned, "Review this chapter"), placed right after the
 * chapter's recall cards. It lives in a `data-ui` box inside the article, so highlight offsets skip it.
 */
export function ChapterStudy({ host, chapter }: { host: HTMLElement | null; chapter: ChapterPayload }) {
  useEffect(() => {
    if (!host) return;
    // Right after the chapter's recall cards (or at the end).
    const place = (box: HTMLElement) => {
      const cards = host.querySelectorAll(':scope > .cards');
      const after = cards[cards.length - 1];
      if (after) after.after(box);
      else host.append(box);
    };
    return mountInChapter(host, 'study', place, <StudyLine chapter={chapter} />);
  }, [host, chapter]);
  return null;
}

function StudyLine({ chapter }: { chapter: ChapterPayload }) {
  const [counts, setCounts] = useState<ChapterCounts | null>(null);
  useEffect(() => {
    let live = true;
    const load = async () => {
      const counts = await readChapterCounts(chapter, Date.now());
      if (live) setCounts(counts);
    };
    void load().catch(() => undefined);
    const stop = onStudyChange(() => void load().catch(() => undefined));
    return () => {
      live = false;
      stop();
    };
  }, [chapter]);
  if (!counts || counts.total === 0) return null;
  return (
    <section class="chapter-study" aria-label="Study this chapter">
      <p>
        {counts.total === 1 ? '1 card' : `${counts.total} cards`}: {counts.due} due · {counts.new} new · {counts.learned} learned
      </p>
      <a class="btn primary" href={reviewHref({ kind: 'chapter', chapterId: chapter.id })}>
        Review this chapter
      </a>
    </section>
  );
}
