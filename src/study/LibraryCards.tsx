import { useEffect } from 'preact/hooks';
import type { ContentManifest } from '../shared/content-types.ts';
import { useStore } from '../ui/store.ts';
import { dueCount, reviewLabel } from './due-store.ts';
import { libraryCards, loadLibraryCards } from './library-cards.ts';
import { formatCount } from '../ui/numbers.ts';
import './study.css';

const learnedText = (learned: number, total: number) => `${formatCount(learned)} of ${formatCount(total)} cards learned`;

/** The library's study line: the Review link with the number due, and cards learned across the guide. */
export function GuideCards({ manifest }: { manifest: ContentManifest }) {
  const counts = useStore(libraryCards);
  const due = useStore(dueCount);
  useEffect(() => void loadLibraryCards(), [manifest.version]);
  const total = manifest.chapters.reduce((a, c) => a + c.cardCount, 0) + [...(counts?.mine.values() ?? [])].reduce((a, b) => a + b, 0);
  const learned = [...(counts?.learned.values() ?? [])].reduce((a, b) => a + b, 0);
  return (
    <p class="library-study">
      <a class="btn primary" href="/review">
        {reviewLabel(due)}
      </a>
      <span class="learned">{learnedText(learned, total)}</span>
    </p>
  );
}

/** One chapter tile's "12 of 40 cards learned". */
export function ChapterCards({ chapterId, cardCount }: { chapterId: string; cardCount: number }) {
  const counts = useStore(libraryCards);
  useEffect(() => void loadLibraryCards(), []);
  const total = cardCount + (counts?.mine.get(chapterId) ?? 0);
  if (total === 0) return null;
  return <span class="meta learned">{learnedText(counts?.learned.get(chapterId) ?? 0, total)}</span>;
}
