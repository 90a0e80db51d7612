import type { ChapterPayload, ContentManifest } from '../shared/content-types.ts';
import { openPocketDb } from '../storage/db.ts';
import { allReviews, allSchedules, allUserCards } from '../storage/study-repo.ts';
import { chapterCounts, type ChapterCounts } from './chapter-counts.ts';
import { studyStats, type StudyStats } from './stats.ts';

/** What the study screens show, read from storage here (the screens never open the database). */

/** Statistics over the last `days` days, at `at`: from the review log, the schedules and the cards. */
export async function readStudyStats(manifest: ContentManifest, days: number, at: number): Promise<StudyStats> {
  const db = await openPocketDb();
  const [log, schedules, cards] = await Promise.all([allReviews(db), allSchedules(db), allUserCards(db)]);
  const total = manifest.chapters.reduce((a, c) => a + c.cardCount, 0) + cards.filter((c) => !c.deleted).length;
  return studyStats(log, schedules, total, at, new Date(at).getTimezoneOffset(), days);
}

/** A chapter's cards (the guide's and the reader's own) due, new and learned now. */
export async function readChapterCounts(chapter: ChapterPayload, now: number): Promise<ChapterCounts> {
  const db = await openPocketDb();
  const [schedules, mine] = await Promise.all([allSchedules(db), allUserCards(db)]);
  const ids = [...chapter.cards.map((c) => c.id), ...mine.filter((u) => !u.deleted && u.chapterId === chapter.id).map((u) => u.id)];
  return chapterCounts(ids, new Map(schedules.map((s) => [s.cardId, s])), now, new Date(now).getTimezoneOffset());
}
