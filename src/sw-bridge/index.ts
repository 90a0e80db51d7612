import { isFromWorker, type ContentStatus, type ToWorker } from '../shared/messages.ts';
import { afterLoad } from '../ui/after-load.ts';
import { createStore } from '../ui/store.ts';

/** The only module that talks to navigator.serviceWorker. */
export const updateWaiting = createStore(false);
export const contentStatus = createStore<ContentStatus | null>(null);

let wb: { update(): Promise<unknown> } | null = null;
const beforeReload: (() => Promise<void>)[] = [];

/** Work that must finish before the app reloads into a new version (e.g. saving an open note). */
export function onBeforeReload(fn: () => Promise<void>): void {
  beforeReload.push(fn);
}

export function startServiceWorker(): void {
  if (!('serviceWorker' in navigator)) {
    contentStatus.set({
      phase: 'failed',
      kind: 'storage',
      message: 'This browser cannot keep the guide for offline reading. You can still read online.',
      version: null,
    });
    return;
  }
  navigator.serviceWorker.addEventListener('message', (e: MessageEvent) => {
    if (isFromWorker(e.data)) contentStatus.set(e.data.status);
  });
  // workbox-window registers after the load event anyway, so its code loads then, outside the first load.
  afterLoad(() =>
    void import('./register.ts').then(({ register }) => {
      const w = register(() => updateWaiting.set(true));
      wb = w;
      void w.register().then(() => requestSync());
    }),
  );
  addEventListener('online', () => requestSync());
  // Look for a new version when the app comes back to the foreground.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void wb?.update();
  });
}

async function post(msg: ToWorker): Promise<void> {
  const reg = await navigator.serviceWorker.ready;
  reg.active?.postMessage(msg);
}

/** Asks the worker to bring the offline guide up to date (it reports progress back). */
export function requestSync(): void {
  if ('serviceWorker' in navigator) void post({ type: 'sync-content' });
}

/** The reader said "Reload": let the waiting worker take over, then reload once it controls. */
export async function applyUpdate(): Promise<void> {
  await Promise.all(beforeReload.map((fn) => fn().catch(() => undefined)));
  const reg = await navigator.serviceWorker.getRegistration();
  if (!reg?.waiting) return location.reload();
  navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
  const msg: ToWorker = { type: 'skip-waiting' };
  reg.waiting.postMessage(msg);
}
