import { trustedTypes } from '../content/trusted-types.ts';
import { onUserWrite } from '../storage/user-writes.ts';
import { createStore, type Store } from '../ui/store.ts';
import type { Filter, SearchAnswer } from './doc-types.ts';
import type { FromWorker, ToWorker } from './protocol.ts';
import type { OpenReport } from './search-service.ts';
import workerUrl from './search-worker.ts?worker&url';

/**
 * The page's side of search: starts the worker on first use (this module loads only with the
 * search screen or a chapter's find tools), sends queries, and keeps only the newest answer.
 */
export type IndexState =
  | { phase: 'opening' }
  | { phase: 'ready'; report: OpenReport }
  | { phase: 'failed'; message: string };

export const indexState: Store<IndexState> = createStore<IndexState>({ phase: 'opening' });
/** Bumps when the user's notes or cards changed, so a shown answer is asked again. */
export const userDataVersion: Store<number> = createStore(0);

let worker: Worker | null = null;
let seq = 0;
const waiting = new Map<number, (a: { answer: SearchAnswer; ms: number } | null) => void>();

function scriptUrl(): string {
  if (!trustedTypes) return workerUrl;
  const policy = trustedTypes.createPolicy('mlsd-search', {
    createScriptURL: (url) => {
      if (url !== workerUrl) throw new TypeError(`Refusing to start ${url} as the search worker`);
      return url;
    },
  });
  return policy.createScriptURL(workerUrl) as unknown as string;
}

function start(): Worker {
  if (worker) return worker;
  const w = new Worker(scriptUrl(), { name: 'search' });
  w.addEventListener('message', (e: MessageEvent<FromWorker>) => {
    const m = e.data;
    if (m.type === 'opened') {
      performance.mark('search-index-open', { detail: m.report });
      indexState.set({ phase: 'ready', report: m.report });
    }
    else if (m.type === 'settled') performance.mark('search-index-settled', { detail: m.report });
    else if (m.type === 'failed') indexState.set({ phase: 'failed', message: m.message });
    else if (m.type === 'changed') userDataVersion.set(userDataVersion.get() + 1);
    else if (m.type === 'answer') {
      performance.mark('search-answer', { detail: m.ms });
      waiting.get(m.id)?.({ answer: m.answer, ms: m.ms });
      waiting.delete(m.id);
    }
  });
  w.addEventListener('error', () => indexState.set({ phase: 'failed', message: 'Search stopped working on this page. Reload to start it again.' }));
  onUserWrite((writes) => {
    const ours = writes.filter((x) => x.store === 'annotations' || x.store === 'cards');
    if (ours.length) send({ type: 'writes', writes: ours.map((x) => ({ store: x.store as 'annotations' | 'cards', key: x.key, value: x.value })) });
  });
  worker = w;
  return w;
}

const send = (m: ToWorker) => start().postMessage(m);

/** Makes sure the index matches the installed guide (call on open and when the guide's version changes). */
export function openIndex(version: string | null): void {
  if (indexState.get().phase !== 'opening') indexState.set({ phase: 'opening' });
  send({ type: 'open', version });
}

/** Asks for an answer; a newer call makes older ones resolve to null (never shown). */
export function search(q: string, filter: Filter, limit: number): Promise<{ answer: SearchAnswer; ms: number } | null> {
  const id = ++seq;
  for (const [old, resolve] of waiting) {
    resolve(null);
    waiting.delete(old);
  }
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    send({ type: 'search', id, q, filter, limit });
  });
}
