import { endOfDay } from './day.ts';
import type { CardSchedule } from './types.ts';

export interface ChapterCounts {
  total: number;
  due: number;
  new: number;
  learned: number;
}

/**
 * Pure: a chapter's cards by what they need today. `learned` = graded at least once (not new);
 * `due` = learned cards due before the day ends.
 */
export function chapterCounts(cardIds: readonly string[], schedules: ReadonlyMap<string, CardSchedule>, now: number, tzOffsetMin: number): ChapterCounts {
  const end = endOfDay(now, tzOffsetMin);
  const out: ChapterCounts = { total: cardIds.length, due: 0, new: 0, learned: 0 };
  for (const id of cardIds) {
    const s = schedules.get(id);
    if (!s || s.state === 0) {
      out.new++;
      continue;
    }
    out.learned++;
    if (s.due < end) out.due++;
  }
  return out;
}

/** Learned cards per chapter (for the library), from schedules alone. */
export function learnedByChapter(schedules: readonly CardSchedule[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of schedules) {
    if (s.retired || s.state === 0 || !s.chapterId) continue;
    out.set(s.chapterId, (out.get(s.chapterId) ?? 0) + 1);
  }
  return out;
}
