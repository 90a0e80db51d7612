import type { Filter, SearchAnswer } from './doc-types.ts';
import type { OpenReport, SettledReport } from './search-service.ts';

/** Messages between the page and the search worker (one union each way). */
export type ToWorker =
  /** `version`: the guide version the page shows (read alongside the installed one). */
  | { type: 'open'; version: string | null }
  | { type: 'search'; id: number; q: string; filter: Filter; limit: number }
  | { type: 'writes'; writes: Array<{ store: 'annotations' | 'cards'; key: string; value: unknown }> };

export type FromWorker =
  | { type: 'opened'; report: OpenReport }
  /** The guide's index and the user's records have all loaded. */
  | { type: 'settled'; report: SettledReport }
  | { type: 'answer'; id: number; answer: SearchAnswer; ms: number }
  /** The user's notes or cards changed: a shown answer may be out of date. */
  | { type: 'changed' }
  | { type: 'failed'; message: string };
