import { useEffect, useState } from 'preact/hooks';
import type { ContentManifest } from '../shared/content-types.ts';
import type { ContentStatus } from '../shared/messages.ts';
import { storedChapterIds } from '../storage/content-repo.ts';
import { openPocketDb } from '../storage/db.ts';
import { allProgress } from '../storage/progress-repo.ts';
import type { ReadingProgress } from '../storage/schema.ts';
import { contentStatus } from '../sw-bridge/index.ts';

/** Phases after which what is on the device is settled: before them (checking, saving) nothing is claimed. */
const SETTLED: readonly ContentStatus['phase'][] = ['ready', 'offline', 'failed'];

/**
 * Reading progress per chapter, and which chapters are on this device (null until known). The
 * saving's progress is the status bar's: the library follows only its phase, so it draws once when
 * the saving ends instead of once per chapter saved, and it says a chapter is missing only once
 * the saving has stopped (not on a first visit while the guide is being saved).
 */
export function useLibraryData(manifest: ContentManifest): { progress: Map<string, ReadingProgress>; saved: Set<string> | null } {
  const [progress, setProgress] = useState<Map<string, ReadingProgress>>(new Map());
  const [saved, setSaved] = useState<Set<string> | null>(null);
  const [phase, setPhase] = useState(contentStatus.get()?.phase ?? null);
  useEffect(() => contentStatus.subscribe((s) => setPhase(s?.phase ?? null)), []);
  useEffect(() => {
    openPocketDb()
      .then(allProgress)
      .then((list) => setProgress(new Map(list.map((p) => [p.chapterId, p]))))
      .catch(() => setProgress(new Map()));
  }, [manifest.version]);
  const settled = phase !== null && SETTLED.includes(phase);
  useEffect(() => {
    if (!settled) return;
    openPocketDb()
      .then(storedChapterIds)
      .then(setSaved)
      .catch(() => setSaved(null));
  }, [manifest.version, phase]);
  return { progress, saved: settled ? saved : null };
}
