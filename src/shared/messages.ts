/** Every message between the page and the service worker: one discriminated union each way. */

export type ToWorker = { type: 'skip-waiting' } | { type: 'sync-content' };

export type ContentStatus =
  | { phase: 'checking' }
  | { phase: 'downloading'; done: number; total: number; firstInstall: boolean }
  | { phase: 'ready'; version: string; chapters: number; updated: boolean }
  | { phase: 'offline'; version: string | null }
  | { phase: 'failed'; kind: 'quota' | 'network' | 'storage' | 'invalid'; message: string; version: string | null };

export type FromWorker = { type: 'content-status'; status: ContentStatus };

export const isFromWorker = (data: unknown): data is FromWorker =>
  typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'content-status';
