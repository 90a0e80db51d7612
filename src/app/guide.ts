import { loadManifest, type Source } from '../content/loader.ts';
import type { ChapterMeta, ContentManifest, Part } from '../shared/content-types.ts';
import { contentStatus } from '../sw-bridge/index.ts';
import { askPersistence } from '../settings/persistence.ts';
import { afterLoad } from '../ui/after-load.ts';
import { createStore } from '../ui/store.ts';

export interface GuideState {
  manifest: ContentManifest | null;
  source: Source | null;
  error: string | null;
}

/** The guide's index as the reader sees it: IndexedDB first, network before it is saved. */
export const guide = createStore<GuideState>({ manifest: null, source: null, error: null });

/** The stand-in index while the guide is not on this device: screens that do not need it still open. */
export const NO_GUIDE: ContentManifest = { version: '', chapters: [] };

export const PART_TITLES: Record<Part, string> = {
  start: 'Start here',
  framework: 'The framework',
  concepts: 'Core concepts',
  cases: 'Case studies',
  glossary: 'Glossary',
  prompts: 'Practice prompts',
};

export async function refreshGuide(): Promise<void> {
  try {
    const { manifest, source } = await loadManifest();
    guide.set({ manifest, source, error: null });
    // Highlights saved against an older text of a chapter find their place again (or are orphaned).
    // Start-up work: it waits for the first screen (afterLoad), so it never delays the text.
    if (source === 'offline') afterLoad(() => void import('../annotations/reanchor-stale.ts').then((m) => m.reanchorStale(manifest)).catch(() => undefined));
  } catch (err) {
    // loadManifest's messages are plain words; anything else is not shown raw.
    const plain = err instanceof Error && !/fetch|TypeError|NetworkError/i.test(err.message) ? err.message : 'The guide could not be opened.';
    guide.set({ ...guide.get(), error: plain });
  }
}

export const chapterById = (m: ContentManifest | null, id: string): ChapterMeta | undefined => m?.chapters.find((c) => c.id === id);

/** Reloads the index when the worker finished installing or updating the guide. */
export function followContentStatus(): void {
  let asked = false;
  contentStatus.subscribe((s) => {
    if (s?.phase !== 'ready') return;
    if (guide.get().source !== 'offline' || s.version !== guide.get().manifest?.version) void refreshGuide();
    if (!asked) {
      asked = true;
      void askPersistence();
    }
  });
}
