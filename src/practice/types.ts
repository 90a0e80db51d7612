import type { Family, RubricStep } from '../shared/content-types.ts';
import type { InterviewLength } from './steps.ts';
import type { ClockState } from './timer.ts';

export interface AttemptStep {
  step: number;
  /** The answer as typed (Markdown). */
  answer: string;
  /** Time spent on this step before it was left (the current step adds the running part). */
  spentMs: number;
}

/** A mock-interview attempt: the user's own data, kept whole (backup: section "attempts"). */
export interface PracticeAttempt {
  /** Stable UUID. */
  id: string;
  /** The case study or prompt chapter id. */
  promptId: string;
  promptTitle: string;
  kind: 'case' | 'prompt';
  family?: Family;
  /** The chapter hash and content version the attempt started with (a content update never changes them). */
  promptHash: string;
  contentVersion: string;
  /** The brief as it read at the start (prompts: Brief + Scale; cases: the introduction). */
  brief: string;
  /** The rubric as it was at the start: ticks refer to these ids, whatever the guide says later. */
  rubric: RubricStep[];
  length: InterviewLength;
  status: 'running' | 'paused' | 'finished';
  currentStep: number;
  /** The clock's elapsed time when the current step began. */
  stepStartMs: number;
  clock: ClockState;
  steps: AttemptStep[];
  /** Checkpoint ids ticked in the review. */
  ticked: string[];
  /** "Make cards from what I missed": the missed checkpoint ids kept for cards, and when. */
  missedForCards?: string[];
  cardsMadeAt?: number;
  /** The checkpoints cards were made for (never made twice). */
  cardsMadeFor?: string[];
  createdAt: number;
  finishedAt?: number;
  updatedAt: number;
  [extra: string]: unknown;
}
