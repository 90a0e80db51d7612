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
let soon: ReturnType<typeof setTimeout> | null = null;
/** Who listens in this tab, and which local source each one ignores (its own changes). */
const listeners = new Map<() => void, string | null>();

/** One channel per page: a page never hears its own posts, other tabs do. */
function tabChannel(): BroadcastChannel | null {
  if (!channel && typeof BroadcastChannel !== 'undefined') {
    channel = new BroadcastChannel(CHANNEL);
    (channel as { unref?: () => void }).unref?.(); // Node (unit tests): never keeps the process alive
    channel.onmessage = () => {
      refreshSoon();
      listeners.forEach((_, fn) => fn());
    };
  }
  return channel;
}

export async function refreshDueCount(manifest: ContentManifest | null = lastManifest): Promise<void> {
  if (!manifest) return;
  lastManifest = manifest;
  tabChannel();
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
}

/** Coalesces recounts: a run of grades costs one count, after the grades are stored. */
function refreshSoon(): void {
  if (soon) clearTimeout(soon);
  soon = setTimeout(() => {
    soon = null;
    void refreshDueCount();
  }, 300);
}

/**
 * Tells the badge, this tab's other study views and every other tab that study data changed.
 * `source` names the view that made the change; it is not told about its own change.
 * `recount: false`: the caller sets this tab's badge itself (the review screen counts from the
 * cards it holds in memory, so a run of grades reads nothing back from IndexedDB).
 */
export function announceStudyChange(source: string | null = null, { recount = true }: { recount?: boolean } = {}): void {
  if (recount) refreshSoon();
  listeners.forEach((ignore, fn) => {
    if (source === null || ignore !== source) fn();
  });
  try {
    tabChannel()?.postMessage('changed');
  } catch {
    // A closed channel: other tabs catch up on their next route change.
  }
}

/** Listens to study changes from other tabs and from this tab's other views (not those made by `source`). */
export function onStudyChange(fn: () => void, source: string | null = null): () => void {
  tabChannel();
  listeners.set(fn, source);
  return () => listeners.delete(fn);
}
