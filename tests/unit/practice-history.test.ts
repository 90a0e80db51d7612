import { describe, expect, it } from 'vitest';
import { finishAttempt, nextStep, pauseAttempt, startAttempt } from '../../src/practice/attempt.ts';
import { stepTimes } from '../../src/practice/step-times.ts';
import type { TimeSample } from '../../src/practice/timer.ts';

const MIN = 60_000;
const T0 = 1_790_000_000_000;
const at = (ms: number): TimeSample => ({ wall: T0 + ms, mono: ms, origin: 0 });
const meta = { id: 'p', title: 'Design a thing', part: 'prompts' as const, hash: 'h1' };
const start = () => startAttempt({ id: 'a1', meta, contentVersion: 'v1', brief: 'B', rubric: [], length: 45 }, at(0));

describe('time per step in the history', () => {
  it('says a step still under way is in progress, never "0:00", and leaves out steps not reached', () => {
    let a = start();
    expect(stepTimes(a)).toBe('1: in progress');
    a = nextStep(a, at(4 * MIN + 5000));
    a = nextStep(a, at(10 * MIN));
    expect(stepTimes(a)).toBe('1: 4:05 · 2: 5:55 · 3: in progress');
    expect(stepTimes(pauseAttempt(a, at(11 * MIN)))).toBe('1: 4:05 · 2: 5:55 · 3: in progress');
  });

  it('a finished attempt shows every step, the ones it never reached as such', () => {
    let a = nextStep(start(), at(3 * MIN));
    a = finishAttempt(a, at(5 * MIN));
    expect(stepTimes(a)).toBe('1: 3:00 · 2: 2:00 · 3: not reached · 4: not reached · 5: not reached · 6: not reached · 7: not reached');
  });
});
