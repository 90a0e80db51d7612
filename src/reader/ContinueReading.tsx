import { useEffect } from 'preact/hooks';
import { navigate } from '../app/router.ts';
import { latest } from '../library/progress-label.ts';
import { chapterPath, type ContentManifest } from '../shared/content-types.ts';
import { openPocketDb } from '../storage/db.ts';
import { allProgress } from '../storage/progress-repo.ts';

/** The "Continue reading" shortcut: straight to the last chapter and place, or the first chapter. */
export function ContinueReading({ manifest }: { manifest: ContentManifest }) {
  useEffect(() => {
    openPocketDb()
      .then(allProgress)
      .catch(() => [])
      .then((list) => {
        const last = latest(list, manifest);
        const id = last?.chapterId ?? manifest.chapters[0]?.id ?? '';
        navigate(`${chapterPath(id)}${last?.anchorId ? `#${last.anchorId}` : ''}`, true);
      });
  }, [manifest]);
  return <p class="loading">Opening where you left off…</p>;
}
