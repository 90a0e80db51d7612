/** A mock-interview attempt: the user's own data, kept whole. */
export interface PracticeAttempt {
  /** Stable UUID. */
  id: string;
  promptId: string;
  updatedAt: number;
  [extra: string]: unknown;
}
