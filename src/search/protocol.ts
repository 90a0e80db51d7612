import type { Filter, SearchAnswer } from './doc-types.ts';
import type { OpenReport } from './search-service.ts';

/** Messages between the page and the search worker (one union each way). */
export type ToWorker =
  | { type: 'open' }
  | { type: 'search'; id: number; q: string; filter: Filter; limit: number }
  | { type: 'writes'; writes: Array<{ store: 'annotations' | 'cards'; key: string; value: unknown }> };

export type FromWorker =
  | { type: 'opened'; report: OpenReport }
  | { type: 'answer'; id: number; answer: SearchAnswer; ms: number }
  /** The user's notes or cards changed: a shown answer may be out of date. */
  | { type: 'changed' }
  | { type: 'failed'; message: string };
