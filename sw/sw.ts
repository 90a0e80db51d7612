/// <reference lib="webworker" />
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import type { ToWorker } from '../src/shared/messages.ts';
import { runSync } from './status.ts';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | { url: string; revision: string | null })[] };

// The app shell: every built asset, precached and served cache-first; old caches removed.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// Every navigation (/, /read/…, /settings) is answered by the shell, online or not.
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [/^\/content\//] }));

// The first worker takes control at once so one visit is enough to work offline. A later
// version waits until the reader asks for it ("New version available — Reload").
clientsClaim();

self.addEventListener('activate', (event) => {
  event.waitUntil(runSync());
});

self.addEventListener('message', (event) => {
  const msg = event.data as ToWorker;
  if (msg?.type === 'skip-waiting') void self.skipWaiting();
  else if (msg?.type === 'sync-content') event.waitUntil(runSync());
});

