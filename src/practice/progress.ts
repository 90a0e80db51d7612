import { scoreAttempt } from './score.ts';
import type { PracticeAttempt } from './types.ts';

/** "Scores over time: 33% → 52% → 67%" for the finished attempts of one prompt (oldest first), or null. */
export function progressLine(attempts: readonly PracticeAttempt[]): string | null {
  const done = attempts
    .filter((a) => a.status === 'finished' && a.rubric.length)
    .sort((x, y) => x.createdAt - y.createdAt)
    .map((a) => `${scoreAttempt(a.rubric, a.ticked).percent}%`);
  return done.length >= 2 ? `Scores over time: ${done.join(' → ')}` : null;
}
