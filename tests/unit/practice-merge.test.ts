import { describe, expect, it } from 'vitest';
import { finishAttempt, nextStep, setAnswer, setTicked, startAttempt } from '../../src/practice/attempt.ts';
import { mergeAttempt, sameWork } from '../../src/practice/merge-attempt.ts';
import type { TimeSample } from '../../src/practice/timer.ts';

const MIN = 60_000;
const T0 = 1_790_000_000_000;
const at = (ms: number): TimeSample => ({ wall: T0 + ms, mono: ms, origin: 0 });
const meta = { id: 'p', title: 'Design a thing', part: 'prompts' as const, hash: 'h1' };
const base = startAttempt({ id: 'a1', meta, contentVersion: 'v1', brief: 'B', rubric: [], length: 45 }, at(0));

describe('one attempt changed in two tabs', () => {
  it('keeps each side’s answers, and this tab’s text where both wrote the same step', () => {
    const mine = setAnswer(setAnswer(base, 1, 'mine 1', T0 + 10), 3, 'mine 3', T0 + 11);
    const theirs = setAnswer(setAnswer(base, 1, 'theirs 1', T0 + 12), 2, 'theirs 2', T0 + 13);
    const m = mergeAttempt(base, mine, theirs);
    expect(m.steps.map((s) => s.answer)).toEqual(['mine 1', 'theirs 2', 'mine 3', '', '', '', '']);
    expect(m.updatedAt).toBe(T0 + 13);
  });

  it('never undoes Next step or Finish pressed in the other tab', () => {
    const mine = setAnswer(base, 1, 'typed on', T0 + 10);
    const theirs = finishAttempt(nextStep(base, at(3 * MIN)), at(4 * MIN));
    const m = mergeAttempt(base, mine, theirs);
    expect(m.status).toBe('finished');
    expect(m.currentStep).toBe(2);
    expect(m.steps[0]!.spentMs).toBe(3 * MIN);
    expect(m.steps[0]!.answer).toBe('typed on');
    // Both moved: the one further along wins.
    const mineNext = nextStep(base, at(MIN));
    expect(mergeAttempt(base, mineNext, theirs).status).toBe('finished');
    expect(mergeAttempt(base, finishAttempt(base, at(MIN)), mineNext).status).toBe('finished');
  });

  it('merges ticks as sets: added on either side kept, removed on one side gone', () => {
    const ticked = setTicked(setTicked(base, 'c1', true, T0), 'c2', true, T0);
    const mine = setTicked(setTicked(ticked, 'c3', true, T0 + 1), 'c1', false, T0 + 1);
    const theirs = setTicked(ticked, 'c4', true, T0 + 2);
    expect(mergeAttempt(ticked, mine, theirs).ticked.sort()).toEqual(['c2', 'c3', 'c4']);
  });

  it('with no common version known, the stored one is the base: this tab’s differing answers win, its progress too', () => {
    const mine = nextStep(setAnswer(base, 1, 'only here', T0 + 1), at(MIN));
    const m = mergeAttempt(null, mine, base);
    expect(m.currentStep).toBe(2);
    expect(m.steps[0]!.answer).toBe('only here');
  });

  it('tells a version with other work from one that only re-anchored its clock (same millisecond or not)', () => {
    expect(sameWork(base, { ...base, clock: { elapsedMs: 5, anchor: null } })).toBe(true);
    expect(sameWork(base, setAnswer(base, 2, 'x', base.updatedAt))).toBe(false);
    expect(sameWork(base, nextStep(base, at(0)))).toBe(false);
    expect(sameWork(base, setTicked(base, 'c1', true, base.updatedAt))).toBe(false);
  });
});
