import type { ChapterMeta, RubricStep } from '../shared/content-types.ts';
import { STEP_COUNT, stepBudgetMs, totalMs, type InterviewLength } from './steps.ts';
import { checkpoint, elapsedMs, newClock, pause, resume, type TimeSample } from './timer.ts';
import type { PracticeAttempt } from './types.ts';

/** Pure transitions of an attempt; `now` is a time sample, never read inside. */
export interface StartInput {
  id: string;
  meta: Pick<ChapterMeta, 'id' | 'title' | 'part' | 'family' | 'hash'>;
  contentVersion: string;
  brief: string;
  rubric: RubricStep[];
  length: InterviewLength;
}

export function startAttempt(input: StartInput, now: TimeSample): PracticeAttempt {
  return {
    id: input.id,
    promptId: input.meta.id,
    promptTitle: input.meta.title,
    kind: input.meta.part === 'cases' ? 'case' : 'prompt',
    ...(input.meta.family ? { family: input.meta.family } : {}),
    promptHash: input.meta.hash,
    contentVersion: input.contentVersion,
    brief: input.brief,
    rubric: structuredClone(input.rubric),
    length: input.length,
    status: 'running',
    currentStep: 1,
    stepStartMs: 0,
    clock: newClock(now),
    steps: Array.from({ length: STEP_COUNT }, (_, i) => ({ step: i + 1, answer: '', spentMs: 0 })),
    ticked: [],
    createdAt: now.wall,
    updatedAt: now.wall,
  };
}

export interface TimeView {
  elapsedMs: number;
  /** Overall time left; 0 once the interview is over time. */
  leftMs: number;
  overMs: number;
  stepElapsedMs: number;
  stepLeftMs: number;
  /** How far the current step has run over its budget (0 when within it). */
  stepOverMs: number;
}

export function timeView(a: PracticeAttempt, now: TimeSample): TimeView {
  const elapsed = elapsedMs(a.clock, now);
  const total = totalMs(a.length);
  const stepElapsed = stepSpentMs(a, a.currentStep, now);
  const budget = stepBudgetMs(a.length, a.currentStep);
  return {
    elapsedMs: elapsed,
    leftMs: Math.max(0, total - elapsed),
    overMs: Math.max(0, elapsed - total),
    stepElapsedMs: stepElapsed,
    stepLeftMs: Math.max(0, budget - stepElapsed),
    stepOverMs: Math.max(0, stepElapsed - budget),
  };
}

/** Time spent on a step (the current one includes the part still running). */
export function stepSpentMs(a: PracticeAttempt, step: number, now: TimeSample): number {
  const saved = a.steps[step - 1]?.spentMs ?? 0;
  if (step !== a.currentStep || a.status === 'finished') return saved;
  return saved + Math.max(0, elapsedMs(a.clock, now) - a.stepStartMs);
}

/** Whether a step ran over its budget (a finished step, or the current one so far). */
export const overBudget = (a: PracticeAttempt, step: number, now: TimeSample): boolean => stepSpentMs(a, step, now) > stepBudgetMs(a.length, step);

/** Closes the current step's running time into its record. */
function closeStep(a: PracticeAttempt, now: TimeSample): PracticeAttempt {
  const elapsed = elapsedMs(a.clock, now);
  const steps = a.steps.map((s) => (s.step === a.currentStep ? { ...s, spentMs: s.spentMs + Math.max(0, elapsed - a.stepStartMs) } : s));
  return { ...a, steps, stepStartMs: elapsed };
}

export function nextStep(a: PracticeAttempt, now: TimeSample): PracticeAttempt {
  if (a.status === 'finished' || a.currentStep >= STEP_COUNT) return a;
  const closed = closeStep(a, now);
  return { ...closed, currentStep: a.currentStep + 1, updatedAt: now.wall };
}

export function pauseAttempt(a: PracticeAttempt, now: TimeSample): PracticeAttempt {
  if (a.status !== 'running') return a;
  return { ...a, status: 'paused', clock: pause(a.clock, now), updatedAt: now.wall };
}

export function resumeAttempt(a: PracticeAttempt, now: TimeSample): PracticeAttempt {
  if (a.status !== 'paused') return a;
  return { ...a, status: 'running', clock: resume(a.clock, now), updatedAt: now.wall };
}

export function finishAttempt(a: PracticeAttempt, now: TimeSample): PracticeAttempt {
  if (a.status === 'finished') return a;
  const closed = closeStep(a, now);
  return { ...closed, status: 'finished', clock: pause(closed.clock, now), finishedAt: now.wall, updatedAt: now.wall };
}

/** Re-anchors the running clock at `now` so what is saved holds the time counted so far. */
export const anchorAttempt = (a: PracticeAttempt, now: TimeSample): PracticeAttempt =>
  a.status === 'running' ? { ...a, clock: checkpoint(a.clock, now) } : a;

export function setAnswer(a: PracticeAttempt, step: number, answer: string, wall: number): PracticeAttempt {
  if (a.steps[step - 1]?.answer === answer) return a;
  return { ...a, steps: a.steps.map((s) => (s.step === step ? { ...s, answer } : s)), updatedAt: wall };
}

export function setTicked(a: PracticeAttempt, checkpointId: string, on: boolean, wall: number): PracticeAttempt {
  const has = a.ticked.includes(checkpointId);
  if (has === on) return a;
  return { ...a, ticked: on ? [...a.ticked, checkpointId] : a.ticked.filter((t) => t !== checkpointId), updatedAt: wall };
}
