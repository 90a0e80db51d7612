import { openPocketDb } from '../storage/db.ts';
import { countDue } from '../storage/due-count.ts';
import type { ContentManifest } from '../shared/content-types.ts';
import { endOfDay, startOfDay } from './day.ts';
import { dueCount } from './due-store.ts';
import { studySettings } from './study-settings.ts';

/**
 * Counts what the top bar's Review link shows from IndexedDB alone (no scheduler, no screen code),
 * loaded by dynamic import. Refreshed on route change, after grades, and when another tab grades.
 */

const CHANNEL = 'mlsd-study';
let channel: BroadcastChannel | null = null;
let lastManifest: ContentManifest | null = null;

export async function refreshDueCount(manifest: ContentManifest | null = lastManifest): Promise<void> {
  if (!manifest) return;
  lastManifest = manifest;
  const now = Date.now();
  const tz = new Date(now).getTimezoneOffset();
  const s = studySettings.get();
  try {
    const n = await countDue(await openPocketDb(), {
      guideCards: manifest.chapters.reduce((a, c) => a + c.cardCount, 0),
      newPerDay: s.newPerDay,
      maxReviewsPerDay: s.maxReviewsPerDay,
      now,
      dayStart: startOfDay(now, tz),
      dayEnd: endOfDay(now, tz),
    });
    dueCount.set(n);
  } catch {
    dueCount.set(null);
  }
  if (!channel && typeof BroadcastChannel !== 'undefined') {
    channel = new BroadcastChannel(CHANNEL);
    channel.onmessage = () => void refreshDueCount();
  }
}

/** Tells this tab's badge and every other tab that study data changed. */
export function announceStudyChange(): void {
  void refreshDueCount();
  try {
    const ch = new BroadcastChannel(CHANNEL);
    ch.postMessage('changed');
    ch.close();
  } catch {
    // No BroadcastChannel: other tabs catch up on their next route change.
  }
}

/** Listens to other tabs' study changes (the review screen reloads its data). */
export function onStudyChange(fn: () => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const ch = new BroadcastChannel(CHANNEL);
  ch.onmessage = () => fn();
  return () => ch.close();
}
