import { syncWasOn } from './sync-settings.ts';

/** At start-up: if sync was on, load the sync code (its own chunk) and resume. Nothing else loads. */
export function bootSync(): void {
  if (syncWasOn()) void import('./sync-store.ts').then((m) => m.resumeSync());
}
