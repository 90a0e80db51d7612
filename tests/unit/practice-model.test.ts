import { describe, expect, it } from 'vitest';
import { finishAttempt, nextStep, overBudget, pauseAttempt, resumeAttempt, setAnswer, setTicked, startAttempt, stepSpentMs, timeView, anchorAttempt } from '../../src/practice/attempt.ts';
import { attemptFromJson } from '../../src/practice/backup-attempts.ts';
import { attemptsToMarkdown } from '../../src/practice/export-markdown.ts';
import { scoreAttempt } from '../../src/practice/score.ts';
import { BUDGET_MINUTES, caseSectionId, stepBudgetMs } from '../../src/practice/steps.ts';
import { checkpoint, elapsedMs, formatDuration, newClock, pause, resume, type TimeSample } from '../../src/practice/timer.ts';
import { neighbours } from '../../src/reader/reading-position.ts';
import type { RubricStep } from '../../src/shared/content-types.ts';

const MIN = 60_000;
const T0 = 1_790_000_000_000;
/** A page load: wall clock and monotonic clock move together unless told otherwise. */
const page = (origin: number) => (monoMs: number, wallShift = 0): TimeSample => ({ wall: T0 + origin + monoMs + wallShift, mono: monoMs, origin });
const p1 = page(0);

describe('interview clock', () => {
  it('counts monotonic time within a page, whatever the wall clock does', () => {
    const c = newClock(p1(0));
    expect(elapsedMs(c, p1(5 * MIN))).toBe(5 * MIN);
    // The device clock jumps an hour back, then a day forward: the count follows performance.now().
    expect(elapsedMs(c, p1(6 * MIN, -60 * MIN))).toBe(6 * MIN);
    expect(elapsedMs(c, p1(7 * MIN, 24 * 60 * MIN))).toBe(7 * MIN);
  });

  it('pauses and resumes without counting the pause', () => {
    let c = newClock(p1(0));
    c = pause(c, p1(3 * MIN));
    expect(elapsedMs(c, p1(20 * MIN))).toBe(3 * MIN);
    c = resume(c, p1(20 * MIN));
    expect(elapsedMs(c, p1(22 * MIN))).toBe(5 * MIN);
    expect(resume(c, p1(23 * MIN))).toBe(c);
  });

  it('survives a reload: the wall clock spans the gap between page loads', () => {
    let c = checkpoint(newClock(p1(0)), p1(4 * MIN));
    // A new page load 30 s later (new origin, performance.now() starts again near 0).
    const p2 = page(4 * MIN + 30_000);
    expect(elapsedMs(c, p2(0))).toBe(4 * MIN + 30_000);
    c = checkpoint(c, p2(0));
    expect(elapsedMs(c, p2(60_000))).toBe(5 * MIN + 30_000);
  });

  it('a wall clock that went backwards across a reload counts no time, never negative', () => {
    const c = checkpoint(newClock(p1(0)), p1(4 * MIN));
    const p2 = page(4 * MIN - 10 * MIN);
    expect(elapsedMs(c, p2(0))).toBe(4 * MIN);
    const paused = pause(c, p2(0));
    expect(paused.elapsedMs).toBe(4 * MIN);
    expect(elapsedMs(newClock(p1(5000)), p1(1000))).toBe(0);
  });

  it('formats durations', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(-5000)).toBe('0:00');
    expect(formatDuration(5 * MIN + 7000)).toBe('5:07');
    expect(formatDuration(61 * MIN)).toBe('1:01:00');
  });
});

const rubric: RubricStep[] = [1, 2, 3, 4, 5, 6, 7].map((step) => ({
  step,
  checkpoints: [1, 2, 3].map((n) => ({ id: `p:r${step}-${n}`, level: n === 1 ? 'L4' : n === 2 ? 'L5' : 'L6+', text: `Checkpoint ${step}.${n} text`, chapterId: 'evaluate', sectionId: `s${n}` })),
}));
const meta = { id: 'p', title: 'Design a thing', part: 'prompts' as const, family: 'search' as const, hash: 'h1' };
const start = (length: 45 | 60 = 45) => startAttempt({ id: 'a1', meta, contentVersion: 'v1', brief: 'Brief.', rubric, length }, p1(0));

describe('attempt', () => {
  it('budgets: 5-5-8-10-7-5-5 for 45 minutes and the guide\'s 60-minute column', () => {
    expect(BUDGET_MINUTES[45].reduce((a, b) => a + b)).toBe(45);
    expect(BUDGET_MINUTES[60]).toEqual([6, 6, 9, 12, 9, 7, 6]);
    expect(stepBudgetMs(45, 4)).toBe(10 * MIN);
    expect(caseSectionId(2)).toBe('2-frame-it-as-an-ml-task');
    expect(caseSectionId(5)).toBe('5-evaluate');
  });

  it('times each step, marks a step over budget, never interrupts it', () => {
    let a = start();
    expect(timeView(a, p1(2 * MIN))).toMatchObject({ leftMs: 43 * MIN, stepLeftMs: 3 * MIN, stepOverMs: 0 });
    const over = timeView(a, p1(7 * MIN));
    expect(over).toMatchObject({ stepLeftMs: 0, stepOverMs: 2 * MIN });
    expect(overBudget(a, 1, p1(7 * MIN))).toBe(true);
    expect(a.currentStep).toBe(1);
    a = nextStep(a, p1(7 * MIN));
    expect(a.currentStep).toBe(2);
    expect(a.steps[0]!.spentMs).toBe(7 * MIN);
    expect(stepSpentMs(a, 2, p1(8 * MIN))).toBe(MIN);
    a = pauseAttempt(a, p1(8 * MIN));
    expect(stepSpentMs(a, 2, p1(30 * MIN))).toBe(MIN);
    a = resumeAttempt(a, p1(30 * MIN));
    a = finishAttempt(a, p1(31 * MIN));
    expect(a.status).toBe('finished');
    expect(a.steps.map((s) => s.spentMs)).toEqual([7 * MIN, 2 * MIN, 0, 0, 0, 0, 0]);
    expect(timeView(a, p1(99 * MIN)).elapsedMs).toBe(9 * MIN);
    expect(nextStep(a, p1(99 * MIN))).toBe(a);
  });

  it('keeps time and answers through a reload (saved with an anchor, read in a new page)', () => {
    let a = setAnswer(start(), 1, 'Users: 10M', T0 + 1000);
    a = anchorAttempt(a, p1(3 * MIN));
    const saved = JSON.parse(JSON.stringify(a)) as typeof a;
    const p2 = page(3 * MIN + 20_000);
    expect(timeView(saved, p2(1000)).elapsedMs).toBe(3 * MIN + 21_000);
    expect(saved.steps[0]!.answer).toBe('Users: 10M');
  });

  it('keeps the rubric it started with, whatever a content update does to the chapter later', () => {
    const live = structuredClone(rubric);
    const a = startAttempt({ id: 'a2', meta, contentVersion: 'v1', brief: 'B', rubric: live, length: 45 }, p1(0));
    live[0]!.checkpoints.splice(0, 3);
    live[0]!.checkpoints.push({ id: 'p:r1-9', level: 'L4', text: 'New text', chapterId: 'x', sectionId: 'y' });
    expect(a.rubric[0]!.checkpoints.map((c) => c.id)).toEqual(['p:r1-1', 'p:r1-2', 'p:r1-3']);
    expect(scoreAttempt(a.rubric, ['p:r1-1']).total).toBe(21);
    expect(a.contentVersion).toBe('v1');
  });

  it('overall time left stops at zero and shows the overrun instead', () => {
    const a = start();
    expect(timeView(a, p1(50 * MIN))).toMatchObject({ leftMs: 0, overMs: 5 * MIN });
  });
});

describe('scoring', () => {
  it('scores per step and overall from the ticks, listing what was missed', () => {
    let a = start();
    for (const id of ['p:r1-1', 'p:r1-2', 'p:r1-3', 'p:r5-2', 'unknown:r1-1']) a = setTicked(a, id, true, T0);
    a = setTicked(a, 'p:r1-3', false, T0);
    const s = scoreAttempt(a.rubric, a.ticked);
    expect(s.steps[0]).toMatchObject({ covered: 2, total: 3, percent: 67 });
    expect(s.steps[4]).toMatchObject({ covered: 1, total: 3, percent: 33 });
    expect(s.steps[1]).toMatchObject({ covered: 0, percent: 0 });
    expect(s).toMatchObject({ covered: 3, total: 21, percent: 14 });
    expect(s.missed).toHaveLength(18);
    expect(s.missed[0]!.id).toBe('p:r1-3');
    expect(scoreAttempt([], []).percent).toBe(0);
  });
});

describe('attempts in the backup and in Markdown', () => {
  it('round-trips an attempt losslessly; an imported running clock comes back paused', () => {
    const a = finishAttempt(setTicked(setAnswer(start(), 2, 'Predict **clicks**', T0 + 1), 'p:r1-1', true, T0 + 2), p1(10 * MIN));
    const back = attemptFromJson(JSON.parse(JSON.stringify(a)), T0 + 60 * MIN);
    expect(back).toEqual({ ok: true, record: a });
    const running = attemptFromJson(JSON.parse(JSON.stringify(start())), T0 + MIN);
    expect(running.ok && running.record.status).toBe('paused');
    expect(running.ok && running.record.clock.anchor).toBeNull();
  });

  it('refuses malformed attempts in plain words', () => {
    const bad = (patch: Record<string, unknown>) => {
      const r = attemptFromJson({ ...JSON.parse(JSON.stringify(start())), ...patch }, T0 + MIN);
      return r.ok ? 'ok' : r.problem;
    };
    expect(bad({ length: 30 })).toBe('attempt a1: its length is 30 minutes; an interview is 45 or 60');
    expect(bad({ steps: [] })).toBe('attempt a1: it does not have seven steps');
    expect(bad({ updatedAt: T0 + 400 * MIN })).toBe('attempt a1: it is dated in the future');
    expect(bad({ rubric: [1, 2] })).toBe('attempt a1: its rubric is malformed');
    expect(bad({ rubric: [{ step: 1, checkpoints: [{ id: 'x', level: 'L9', text: 't', chapterId: 'c', sectionId: 's' }] }] })).toBe('attempt a1: its rubric is malformed');
    expect(bad({ ticked: [3] })).toBe('attempt a1: its ticked checkpoints are malformed');
    expect(bad({ cardsMadeFor: 'x' })).toBe('attempt a1: its missed checkpoints are malformed');
    expect(bad({ brief: null })).toBe('attempt a1: its brief or content version is missing');
    expect(attemptFromJson('x', T0)).toEqual({ ok: false, problem: 'an attempt is not an object' });
  });

  it('exports attempts as Markdown with time per step, score and the missed checkpoints', () => {
    let a = setAnswer(start(), 1, 'Ask about <b>scale</b>', T0);
    a = nextStep(a, p1(6 * MIN));
    a = finishAttempt(setTicked(a, 'p:r1-1', true, T0), p1(8 * MIN));
    const md = attemptsToMarkdown([a], T0 + 9 * MIN);
    expect(md).toContain('## Design a thing');
    expect(md).toContain('- Score: 1 of 21 checkpoints (5%)');
    expect(md).toContain('### Step 1: Clarify requirements (6:00, 1 of 3)');
    expect(md).toContain('Ask about <b>scale</b>');
    expect(md).toContain('### Step 2: Frame it as an ML task (2:00, 0 of 3)');
    expect(md).toContain('- (L5) Checkpoint 1.2 text — /read/evaluate#s2');
  });
});

describe('reading order', () => {
  it('previous/next skip practice prompts', () => {
    const list = [{ id: 'a', part: 'cases' }, { id: 'p', part: 'prompts' }, { id: 'g', part: 'glossary' }];
    expect(neighbours(list, 'a').next?.id).toBe('g');
    expect(neighbours(list, 'g').prev?.id).toBe('a');
  });
});

describe('picking chapter parts for practice screens', async () => {
  const { introNodes, prefixIds, sectionNodes } = await import('../../src/practice/sections.ts');
  const { missedCards } = await import('../../src/practice/missed-cards.ts');
  const { progressLine } = await import('../../src/practice/progress.ts');
  const body: import('../../src/shared/content-types.ts').TreeNode[] = [
    ['h1', { id: 't' }, 'Title'],
    ['p', { id: 'intro-p1' }, 'Framing.'],
    ['h2', { id: '5-evaluate' }, '5. Evaluate'],
    ['figure', { id: 'fig-1' }, ['svg', { 'aria-labelledby': 'fig-1-title fig-1-desc' }, ['title', { id: 'fig-1-title' }, 'T']]],
    ['h2', { id: '6-deploy-and-serve' }, '6. Deploy and serve'],
    ['p', null, 'Serve.'],
  ];

  it('takes one section or the intro, and prefixes ids and their ARIA references', () => {
    expect(introNodes(body)).toEqual([['p', { id: 'intro-p1' }, 'Framing.']]);
    expect(sectionNodes(body, '6-deploy-and-serve')).toEqual([['p', null, 'Serve.']]);
    expect(sectionNodes(body, 'nope')).toEqual([]);
    const fig = prefixIds(sectionNodes(body, '5-evaluate'), 'c1--')[0] as import('../../src/shared/content-types.ts').TreeElement;
    expect(fig[1]).toEqual({ id: 'c1--fig-1' });
    expect(JSON.stringify(fig)).toContain('"aria-labelledby":"c1--fig-1-title c1--fig-1-desc"');
    expect(JSON.stringify(fig)).toContain('"id":"c1--fig-1-title"');
  });

  it('makes one card per missed checkpoint, linked to its section; shows scores over time', () => {
    const manifest = { version: 'v', chapters: [{ id: 'evaluate', title: 'Evaluate', outline: [{ id: 's2', title: 'Offline metrics', level: 2 }] }] } as unknown as import('../../src/shared/content-types.ts').ContentManifest;
    const cards = missedCards({ promptTitle: 'Design a thing' }, [rubric[4]!.checkpoints[1]!], manifest);
    expect(cards).toEqual([
      {
        question: 'Design a thing, Step 5 (Evaluate): what does an interviewer expect at L5 about “Offline metrics”?',
        answer: 'Checkpoint 5.2 text\n\n[Read: Offline metrics](/read/evaluate#s2)',
        chapterId: 'evaluate',
        sectionId: 's2',
      },
    ]);
    const done = (t: number, ticked: string[]) => ({ ...finishAttempt(start(), p1(MIN)), createdAt: t, ticked });
    expect(progressLine([done(2, ['p:r1-1', 'p:r1-2']), done(1, ['p:r1-1'])])).toBe('Scores over time: 5% → 10%');
    expect(progressLine([done(1, [])])).toBeNull();
  });
});
