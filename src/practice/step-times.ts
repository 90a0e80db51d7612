import { STEP_COUNT } from './steps.ts';
import { formatDuration } from './timer.ts';
import type { PracticeAttempt } from './types.ts';

/**
 * Pure: the time-per-step line of an attempt in the history. A step still under way says so
 * (its time is only counted when it is left, so it would read "0:00"); steps not reached yet
 * are left out, and steps a finished attempt never reached say "not reached".
 */
export function stepTimes(a: Pick<PracticeAttempt, 'status' | 'currentStep' | 'steps'>): string {
  const finished = a.status === 'finished';
  return a.steps
    .filter((s) => s.step >= 1 && s.step <= STEP_COUNT && (finished || s.step <= a.currentStep))
    .map((s) => {
      if (!finished && s.step === a.currentStep) return `${s.step}: in progress`;
      if (finished && s.step > a.currentStep) return `${s.step}: not reached`;
      return `${s.step}: ${formatDuration(s.spentMs)}`;
    })
    .join(' · ');
}
