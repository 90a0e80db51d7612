import type { TreeNode } from '../shared/content-types.ts';

/**
 * Study data (spaced repetition). The review log is the source of truth; a card's schedule is
 * derived from it and may be recomputed at any time (this is what lets devices merge reviews).
 */

/** A card the reader made, usually from a highlight. Guide cards live in the chapter payloads. */
export interface UserCard {
  /** Stable UUID. */
  id: string;
  /** Markdown. */
  question: string;
  /** Markdown. */
  answer: string;
  /** The highlight this card came from, if any. */
  highlightId: string | null;
  chapterId: string | null;
  sectionId: string | null;
  createdAt: number;
  updatedAt: number;
  /** Soft delete, so a deletion merges across devices. */
  deleted?: boolean;
}

/** 1 Again, 2 Hard, 3 Good, 4 Easy (the same numbers as ts-fsrs' Rating and Anki). */
export type Grade = 1 | 2 | 3 | 4;

/** 0 New, 1 Learning, 2 Review, 3 Relearning (ts-fsrs' State). */
export type CardState = 0 | 1 | 2 | 3;

/** The FSRS memory of one card at one moment: what a grade changes. */
export interface CardMemory {
  state: CardState;
  due: number;
  stability: number;
  difficulty: number;
  reps: number;
  lapses: number;
  scheduledDays: number;
  learningSteps: number;
  lastReview: number | null;
}

/** One grade given to one card: append-only. */
export interface ReviewLogEntry {
  /** Stable UUID. */
  id: string;
  /** A guide card id (`chapter:hash`) or a user card id. */
  cardId: string;
  grade: Grade;
  reviewedAt: number;
  /** Whole days since the card's previous review (0 for a new card). */
  elapsedDays: number;
  /** The memory before and after this grade (before.state 0 = the card was new). */
  before: CardMemory;
  after: CardMemory;
  /** Set when the grade was undone (the entry is kept, so undo merges too). */
  undone?: boolean;
  [extra: string]: unknown;
}

/** The derived schedule of one card (a cache of replaying its log). */
export interface CardSchedule extends CardMemory {
  cardId: string;
  /** The chapter the card belongs to (null for a user card with no chapter). */
  chapterId: string | null;
  /** The question's plain text when last graded, so a retired card can still be named. */
  question: string;
  /** The card is no longer in the guide (or its user card was deleted): history kept, not shown. */
  retired?: boolean;
  [extra: string]: unknown;
}

/** Settings the scheduler and the queue follow. */
export interface StudySettings {
  newPerDay: number;
  maxReviewsPerDay: number;
  /** 0.80–0.97. */
  retention: number;
}

/** A guide card as the study index keeps it (the chapter payload's card). */
export interface GuideCardEntry {
  id: string;
  chapterId: string;
  sectionId: string;
  question: TreeNode[];
  answer: TreeNode[];
}

/**
 * meta `study-cards`: every guide card of one content version, so Review opens without reading
 * every chapter body (a cache: rebuilt from the chapters whenever the version differs).
 */
export interface StudyCardIndex {
  key: 'study-cards';
  version: string;
  cards: GuideCardEntry[];
}
