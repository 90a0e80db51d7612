import { useEffect, useState } from 'preact/hooks';
import type { ContentManifest } from '../shared/content-types.ts';
import { storedChapterIds } from '../storage/content-repo.ts';
import { openPocketDb } from '../storage/db.ts';
import { allProgress } from '../storage/progress-repo.ts';
import type { ReadingProgress } from '../storage/schema.ts';
import { contentStatus } from '../sw-bridge/index.ts';
import { useStore } from '../ui/store.ts';

/** Reading progress per chapter, and which chapters are on this device (null until known). */
export function useLibraryData(manifest: ContentManifest): { progress: Map<string, ReadingProgress>; saved: Set<string> | null } {
  const [progress, setProgress] = useState<Map<string, ReadingProgress>>(new Map());
  const [saved, setSaved] = useState<Set<string> | null>(null);
  const status = useStore(contentStatus);
  useEffect(() => {
    openPocketDb()
      .then(allProgress)
      .then((list) => setProgress(new Map(list.map((p) => [p.chapterId, p]))))
      .catch(() => setProgress(new Map()));
  }, [manifest.version]);
  useEffect(() => {
    openPocketDb()
      .then(storedChapterIds)
      .then(setSaved)
      .catch(() => setSaved(null));
  }, [manifest.version, status?.phase, status?.phase === 'downloading' ? status.done : 0]);
  return { progress, saved };
}
