/// <reference lib="webworker" />
import type { ContentStatus, FromWorker } from '../src/shared/messages.ts';
import { syncContent } from './content-sync.ts';

declare const self: ServiceWorkerGlobalScope;

let last: ContentStatus | null = null;
let running: Promise<ContentStatus> | null = null;

/** Tells every open page (controlled or not) how the guide's download is going. */
export async function broadcast(status: ContentStatus): Promise<void> {
  last = status;
  const message: FromWorker = { type: 'content-status', status };
  const pages = await self.clients.matchAll({ includeUncontrolled: true, type: 'window' });
  pages.forEach((page) => page.postMessage(message));
}

/** One sync at a time; a page asking while one runs gets the latest status again. */
export function runSync(): Promise<unknown> {
  if (running) {
    if (last) void broadcast(last);
    return running;
  }
  running = syncContent((s) => void broadcast(s)).finally(() => {
    running = null;
  });
  return running;
}
