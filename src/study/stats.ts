import { dayNumber } from './day.ts';
import type { CardSchedule, ReviewLogEntry } from './types.ts';

export interface StudyStats {
  /** Reviews per day for the last `days` days, oldest first (last = today). */
  perDay: number[];
  /** Share of reviews of mature-enough (Review state) cards answered Hard, Good or Easy; null with none. */
  trueRetention: number | null;
  retentionSample: number;
  byState: { new: number; learning: number; review: number; relearning: number; retired: number };
  /** Consecutive days with at least one review, ending today (or yesterday if none yet today). */
  streak: number;
  totalReviews: number;
}

/** Pure: statistics from the log and the schedules; `activeTotal` is how many cards exist now. */
export function studyStats(
  log: readonly ReviewLogEntry[],
  schedules: readonly CardSchedule[],
  activeTotal: number,
  now: number,
  tzOffsetMin: number,
  days = 30,
): StudyStats {
  const today = dayNumber(now, tzOffsetMin);
  const perDay = new Array<number>(days).fill(0);
  const active = new Set<number>();
  let passed = 0;
  let sample = 0;
  let total = 0;
  for (const e of log) {
    if (e.undone) continue;
    total++;
    const d = dayNumber(e.reviewedAt, tzOffsetMin);
    active.add(d);
    const i = days - 1 - (today - d);
    if (i >= 0 && i < days) perDay[i]!++;
    if (e.before.state === 2) {
      sample++;
      if (e.grade > 1) passed++;
    }
  }
  let streak = 0;
  for (let d = active.has(today) ? today : today - 1; active.has(d); d--) streak++;
  const byState = { new: 0, learning: 0, review: 0, relearning: 0, retired: 0 };
  let graded = 0;
  for (const s of schedules) {
    if (s.retired) {
      byState.retired++;
      continue;
    }
    if (s.state === 0) continue;
    graded++;
    if (s.state === 1) byState.learning++;
    else if (s.state === 2) byState.review++;
    else byState.relearning++;
  }
  byState.new = Math.max(0, activeTotal - graded);
  return { perDay, trueRetention: sample ? passed / sample : null, retentionSample: sample, byState, streak, totalReviews: total };
}
