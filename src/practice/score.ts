import type { RubricCheckpoint, RubricStep } from '../shared/content-types.ts';

export interface StepScore {
  step: number;
  covered: number;
  total: number;
  /** 0–100, rounded. */
  percent: number;
  missed: RubricCheckpoint[];
}

export interface AttemptScore {
  steps: StepScore[];
  covered: number;
  total: number;
  percent: number;
  missed: RubricCheckpoint[];
}

const pct = (covered: number, total: number) => (total === 0 ? 0 : Math.round((100 * covered) / total));

/** Score = checkpoints covered ÷ checkpoints in the rubric, per step and overall; ticks of unknown ids count for nothing. */
export function scoreAttempt(rubric: RubricStep[], ticked: readonly string[]): AttemptScore {
  const on = new Set(ticked);
  const steps = rubric.map((s) => {
    const covered = s.checkpoints.filter((c) => on.has(c.id)).length;
    return { step: s.step, covered, total: s.checkpoints.length, percent: pct(covered, s.checkpoints.length), missed: s.checkpoints.filter((c) => !on.has(c.id)) };
  });
  const covered = steps.reduce((n, s) => n + s.covered, 0);
  const total = steps.reduce((n, s) => n + s.total, 0);
  return { steps, covered, total, percent: pct(covered, total), missed: steps.flatMap((s) => s.missed) };
}
