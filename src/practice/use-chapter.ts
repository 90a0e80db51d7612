import { useEffect, useState } from 'preact/hooks';
import { loadChapter } from '../content/loader.ts';
import type { ChapterPayload, ContentManifest } from '../shared/content-types.ts';

export type ChapterState = { status: 'loading' } | { status: 'missing' } | { status: 'error' } | { status: 'ready'; chapter: ChapterPayload };

/** One chapter of the installed guide (IndexedDB first), as a screen state. */
export function useChapter(manifest: ContentManifest, id: string | null): ChapterState {
  const [state, setState] = useState<ChapterState>({ status: 'loading' });
  const hash = manifest.chapters.find((c) => c.id === id)?.hash;
  useEffect(() => {
    let live = true;
    if (!id) return;
    setState({ status: 'loading' });
    loadChapter(manifest, id)
      .then((r) => live && setState(r ? { status: 'ready', chapter: r.chapter } : { status: 'missing' }))
      .catch(() => live && setState({ status: 'error' }));
    return () => {
      live = false;
    };
  }, [id, hash]);
  return state;
}

export const FAILED_TO_OPEN = 'This part of the guide could not be opened on this device. Open MLSD Pocket once with a connection so it can save the guide, then try again.';
