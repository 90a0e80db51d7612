import { chapterUrl, MANIFEST_URL, type ChapterPayload, type ContentManifest } from '../shared/content-types.ts';
import { getChapter, getInstalled } from '../storage/content-repo.ts';
import { openPocketDb } from '../storage/db.ts';

export type Source = 'offline' | 'network';

/** Set once the guide is saved on this device: guide-early.js then leaves the index to IndexedDB. */
const SAVED_FLAG = 'mlsd-pocket:guide-saved';

/**
 * Notes, once, that the guide is saved here (guide-early.js then leaves the index to IndexedDB). Written only when
 * it is not set yet and never removed: a write to localStorage on a full disk can cost the reader's other settings,
 * and a launch after the database was lost simply fetches the index itself, as before.
 */
function rememberGuideSaved(): void {
  try {
    if (!localStorage.getItem(SAVED_FLAG)) localStorage.setItem(SAVED_FLAG, '1');
  } catch {
    // Storage refused: the early fetch runs each time, as on a first visit.
  }
}

/** The index guide-early.js began fetching before the app's code arrived (a first visit), taken once; else null. */
function takeEarlyIndex(): Promise<ContentManifest | null> | null {
  const w = globalThis as { __mlsdGuideIndex?: Promise<ContentManifest | null> };
  const early = w.__mlsdGuideIndex ?? null;
  delete w.__mlsdGuideIndex;
  return early;
}

/**
 * Reads the guide from IndexedDB; only before it is stored (first visit, or storage refused)
 * does it fall back to the network (the fetch begun in <head>, if there is one).
 */
export async function loadManifest(): Promise<{ manifest: ContentManifest; source: Source }> {
  try {
    const installed = await getInstalled(await openPocketDb());
    if (installed) {
      rememberGuideSaved();
      return { manifest: installed.manifest, source: 'offline' };
    }
  } catch {
    // Storage unavailable: read online.
  }
  const early = await takeEarlyIndex();
  if (early?.chapters) return { manifest: early, source: 'network' };
  const res = await fetch(MANIFEST_URL).catch(() => null);
  if (!res?.ok) throw new Error(res ? 'The guide could not be loaded from the server. Try again in a moment.' : 'No connection, and the guide is not saved on this device yet.');
  const manifest = (await res.json().catch(() => null)) as ContentManifest | null;
  if (!manifest) throw new Error('The guide could not be loaded from the server. Try again in a moment.');
  return { manifest, source: 'network' };
}

const early = new Map<string, Promise<ChapterPayload | null>>();
const arrived = new Map<string, ChapterPayload>();

/** A start on a chapter's URL: reads the chapter from IndexedDB at once, alongside the guide's index (loadChapter takes it). */
export function prefetchChapter(id: string): void {
  const read = openPocketDb().then((db) => getChapter(db, id));
  read.then((c) => c && early.get(id) === read && arrived.set(id, c)).catch(() => undefined);
  early.set(id, read);
}

/**
 * The chapter read at start, if it has already arrived and matches the index (`hash`): the reader draws it in
 * its first render instead of waiting a frame for loadChapter. Taken once; null otherwise.
 */
export function takeArrivedChapter(id: string, hash: string): ChapterPayload | null {
  const chapter = arrived.get(id);
  if (!chapter) return null;
  arrived.delete(id);
  early.delete(id);
  return chapter.hash === hash ? chapter : null;
}

export async function loadChapter(manifest: ContentManifest, id: string): Promise<{ chapter: ChapterPayload; source: Source } | null> {
  const meta = manifest.chapters.find((c) => c.id === id);
  if (!meta) return null;
  const pending = early.get(id);
  early.delete(id);
  arrived.delete(id);
  try {
    const stored = await (pending ?? openPocketDb().then((db) => getChapter(db, id)));
    if (stored) return { chapter: stored, source: 'offline' };
  } catch {
    // Storage unavailable: read online.
  }
  // A raw browser error ("Failed to fetch") never reaches the screen: say what it means.
  const res = await fetch(chapterUrl(id, meta.hash)).catch(() => null);
  if (!res?.ok) throw new Error('This chapter is not saved on this device yet. It will be saved the next time you are online.');
  const chapter = (await res.json().catch(() => null)) as ChapterPayload | null;
  if (!chapter) throw new Error('This chapter arrived damaged. It will be saved again the next time you are online.');
  return { chapter, source: 'network' };
}
