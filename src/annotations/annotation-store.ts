import { closePocketDb, openedPocketDb, openPocketDb } from '../storage/db.ts';
import { allAnnotations, annotationsForChapter, annotationsHead, deleteAnnotation, getAnnotation, saveAnnotation, saveAnnotationAtExit, type AnnotationsHead } from '../storage/annotations-repo.ts';
import { classify, failureText } from '../storage/errors.ts';
import { lastStorageFailure, reportStorageFailure, reportStorageWorks } from '../app/storage-problem.ts';
import { askPersistence } from '../settings/persistence.ts';
import { onBeforeReload } from '../sw-bridge/index.ts';
import { createStore, type Store } from '../ui/store.ts';
import { saveProblem } from './save-problem.ts';
import { createSaveQueue, type QueueState } from './save-queue.ts';
import type { Annotation } from './types.ts';

/**
 * The page's one owner of highlights and notes: an in-memory map kept in step with IndexedDB
 * (through the save queue) and with other tabs (through a BroadcastChannel).
 */
type ChannelMessage = { type: 'changed'; ids: string[] };

const byId = new Map<string, Annotation>();
/** Bumps on every change; screens re-read what they show. */
export const annotationsVersion: Store<number> = createStore(0);
export { saveProblem };
export type { AnnotationsHead };

const bump = () => annotationsVersion.set(annotationsVersion.get() + 1);
const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('mlsd-annotations');

const queue = createSaveQueue(
  {
    // With the connection open, the transaction starts in the tap's own task, before the marks are painted.
    save: (a, base) => {
      const db = openedPocketDb();
      return db ? saveAnnotation(db, a, base) : openPocketDb().then((d) => saveAnnotation(d, a, base));
    },
    remove: async (id) => deleteAnnotation(await openPocketDb(), id),
    saveAtExit: (a, done) => {
      const db = openedPocketDb();
      return db !== null && saveAnnotationAtExit(db, a, done);
    },
  },
  {
    onState: (s: QueueState) => {
      if (s.kind !== 'failing') {
        if (s.kind === 'idle') saveProblem.set(null);
        return;
      }
      const kind = classify(s.error, lastStorageFailure()).kind;
      reportStorageFailure(kind);
      // A closed connection is reopened on the next try rather than by a reload.
      if (kind === 'closed' || kind === 'disk') void closePocketDb();
      saveProblem.set(failureText(kind, s.pending));
    },
    onSaved: (record) => {
      reportStorageWorks();
      if (queue.state().kind !== 'failing') saveProblem.set(null);
      performance.mark('annotation-durable', { detail: record.id });
      if (queue.pending(record.id) === undefined) byId.set(record.id, record);
      channel?.postMessage({ type: 'changed', ids: [record.id] } satisfies ChannelMessage);
      bump();
    },
    onRemoved: (id) => channel?.postMessage({ type: 'changed', ids: [id] } satisfies ChannelMessage),
  },
);

channel?.addEventListener('message', (e: MessageEvent<ChannelMessage>) => {
  if (e.data?.type !== 'changed') return;
  void (async () => {
    const db = await openPocketDb();
    for (const id of e.data.ids) {
      if (queue.pending(id) !== undefined) continue; // our own unsaved edit wins until it is merged
      const rec = await getAnnotation(db, id);
      if (rec) byId.set(id, rec);
      else byId.delete(id);
    }
    bump();
  })();
});

let loadedAll = false;

/** Loads a chapter's annotations from storage into memory (unsaved local edits kept). */
export async function loadChapterAnnotations(chapterId: string): Promise<Annotation[]> {
  const list = await annotationsForChapter(await openPocketDb(), chapterId);
  for (const a of list) if (queue.pending(a.id) === undefined) byId.set(a.id, a);
  bump();
  return chapterAnnotations(chapterId);
}

let loadingAll: Promise<Annotation[]> | null = null;
/** Set while the notebook's first screen is awaited, read and drawn: reading everything waits for it. */
let headFirst: Promise<void> | null = null;
let openHeadGate: () => void = () => {};
let headTotal: number | null = null;

/**
 * The notebook is opening: reading everything waits until its first screen is drawn
 * (loadAnnotationsHead), it lets go (releaseFullRead), or `limit` ms pass.
 */
export function holdFullRead(limit = 3000): void {
  if (loadedAll || loadingAll || headFirst) return;
  headFirst = new Promise<void>((resolve) => {
    openHeadGate = resolve;
    setTimeout(resolve, limit);
  });
}
export const releaseFullRead = (): void => openHeadGate();

/** After the next frame is drawn (or a moment, where frames do not come: a hidden tab). */
const afterPaint = (): Promise<void> =>
  new Promise((resolve) => {
    const done = () => setTimeout(resolve, 0);
    requestAnimationFrame(done);
    setTimeout(done, 100);
  });

/**
 * The notebook's first screen: the first `limit` annotations in its order (see annotationsHead)
 * and how many there are in all, read before everything else; null once everything is in memory.
 * Reading everything (loadAllAnnotations) starts only after the screen they fill has been drawn.
 */
export function loadAnnotationsHead(chapterIds: readonly string[], limit: number): Promise<AnnotationsHead | null> {
  if (loadedAll) return Promise.resolve(null);
  const read = (async () => {
    const t0 = performance.now();
    const head = await annotationsHead(await openPocketDb(), chapterIds, limit);
    performance.measure('annotations-head', { start: t0, detail: head.items.length });
    headTotal = head.total;
    bump();
    return head;
  })();
  headFirst ??= new Promise<void>((resolve) => (openHeadGate = resolve));
  void read.then(afterPaint, () => undefined).then(releaseFullRead);
  return read;
}

/** How many annotations there are: from memory once everything is read, else from the first screen's count (null: not known yet). */
export const annotationCount = (): number | null => (loadedAll ? byId.size : headTotal);

/**
 * Reads every annotation into memory once per page; later calls get memory, which every write
 * (this tab's store, other tabs' messages, imports) keeps current. Callers at start-up share one read.
 */
export function loadAllAnnotations(): Promise<Annotation[]> {
  loadingAll ??= (async () => {
    // The notebook's first screen goes first (holdFullRead).
    if (headFirst) await headFirst;
    const t0 = performance.now();
    const list = await allAnnotations(await openPocketDb());
    performance.measure('annotations-load', { start: t0, detail: list.length });
    for (const a of list) if (queue.pending(a.id) === undefined) byId.set(a.id, a);
    loadedAll = true;
    bump();
    return list;
  })().catch((err: unknown) => {
    loadingAll = null;
    throw err;
  });
  return loadingAll.then(() => [...byId.values()]);
}

export const chapterAnnotations = (chapterId: string): Annotation[] => [...byId.values()].filter((a) => a.chapterId === chapterId);
export const everyAnnotation = (): Annotation[] => (loadedAll ? [...byId.values()] : []);
export const allLoaded = (): boolean => loadedAll;

/** Reads every annotation into memory when the app is idle, so the notebook opens at once. */
export function preloadAnnotations(): void {
  const idle = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => void }).requestIdleCallback;
  const run = () => void loadAllAnnotations().catch(() => undefined);
  if (idle) idle(run, { timeout: 3000 });
  else setTimeout(run, 1500);
}
export const findAnnotation = (id: string): Annotation | undefined => byId.get(id);

/** Saves a new or edited annotation: on screen at once, durable as soon as storage allows. */
let askedPersistence = false;

export function putAnnotation(next: Annotation): void {
  performance.mark('annotation-put', { detail: next.id });
  if (!askedPersistence) {
    // The first highlight is the user's own data: ask the browser not to evict it.
    askedPersistence = true;
    void askPersistence().catch(() => undefined);
  }
  const prev = byId.get(next.id);
  byId.set(next.id, next);
  queue.put(next, prev ?? null);
  bump();
}

/**
 * Changes an annotation. `base` is the version the change started from — an open note editor
 * passes the version its text grew from, which may be older than memory when another tab's edit
 * just arrived; the save then merges the two instead of overwriting (default: memory's version).
 */
export function updateAnnotation(id: string, patch: Partial<Omit<Annotation, 'id' | 'createdAt'>>, base?: Annotation): Annotation | null {
  const prev = byId.get(id);
  if (!prev) return null;
  const next: Annotation = { ...prev, ...patch, updatedAt: Math.max(Date.now(), prev.updatedAt + 1, (base?.updatedAt ?? 0) + 1) };
  byId.set(id, next);
  queue.put(next, base ?? prev);
  bump();
  return next;
}

/** Deletes and returns an undo that puts it back exactly as it was. */
export function removeAnnotation(id: string): (() => void) | null {
  const prev = byId.get(id);
  if (!prev) return null;
  byId.delete(id);
  queue.remove(id);
  bump();
  return () => putAnnotation({ ...prev, updatedAt: Date.now() });
}

/** Replaces memory with what an import wrote (all-or-nothing happened in storage). */
export function adoptImported(list: Annotation[]): void {
  for (const a of list) byId.set(a.id, a);
  channel?.postMessage({ type: 'changed', ids: list.map((a) => a.id) } satisfies ChannelMessage);
  bump();
}

export const flushAnnotations = (): Promise<void> => queue.flush();
/** Changes that are on screen but not yet durable. */
export const unsavedCount = (): number => queue.size();

/** Asks open editors to hand over what was typed, then writes everything pending. */
export async function saveEverything(): Promise<void> {
  dispatchEvent(new Event(FLUSH_EVENT));
  await queue.flush();
}
export const FLUSH_EVENT = 'mlsd:flush-notes';

onBeforeReload(saveEverything);
if (typeof document !== 'undefined') {
  // Leaving while storage refuses changes would lose them: ask the browser to warn first. (A write
  // merely in flight to a working database completes in the browser process after the page goes.)
  addEventListener('beforeunload', (e) => {
    dispatchEvent(new Event(FLUSH_EVENT));
    if (queue.size() === 0 || saveProblem.get() === null) return;
    e.preventDefault();
    e.returnValue = '';
  });
  // Listeners added later (an open note's last words) come after this one: they go at exit too.
  addEventListener('pagehide', () => queue.leave());
  addEventListener('pageshow', (e) => e.persisted && queue.back());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void queue.flush();
  });
}
