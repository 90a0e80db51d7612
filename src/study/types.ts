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

/** One grade given to one card: append-only. */
export interface ReviewLogEntry {
  /** Stable UUID. */
  id: string;
  /** A guide card id (`chapter:hash`) or a user card id. */
  cardId: string;
  /** 1 Again, 2 Hard, 3 Good, 4 Easy. */
  grade: 1 | 2 | 3 | 4;
  reviewedAt: number;
  /** Set when the grade was undone (the entry is kept, so undo merges too). */
  undone?: boolean;
  [extra: string]: unknown;
}

/** The derived schedule of one card (a cache of replaying its log). */
export interface CardSchedule {
  cardId: string;
  due: number;
  [extra: string]: unknown;
}
