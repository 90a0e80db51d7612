import { openedPocketDb, openPocketDb } from '../storage/db.ts';
import { allAttempts, getAttempt, putAttemptAtExit, putAttemptOver } from '../storage/attempts-repo.ts';
import { StorageFailure } from '../storage/errors.ts';
import { createStore } from '../ui/store.ts';
import { anchorAttempt } from './attempt.ts';
import { mergeAttempt, sameWork } from './merge-attempt.ts';
import type { TimeSample } from './timer.ts';
import type { PracticeAttempt } from './types.ts';
import './backup-attempts.ts';

/**
 * The page's copy of the attempt being worked on. Every change lands here first (so the screen
 * never loses a word), then is written to IndexedDB after a short pause; a failed write (storage
 * full, connection closed) keeps the change in memory, says so, and is retried until it lands.
 * Pending changes are flushed when the tab is hidden, and on `pagehide` in one request that needs
 * no answer before the page is gone (a reload right after typing keeps every word).
 *
 * The same attempt open in two tabs stays one attempt: each write reads the stored version in
 * its transaction and merges (merge-attempt.ts) when another tab or sync wrote since this tab's
 * `base`, and tells the other tabs (BroadcastChannel), which take the new version at once.
 */
export type SaveState = { kind: 'saved' } | { kind: 'pending' } | { kind: 'failed'; message: string };

export const saveState = createStore<SaveState>({ kind: 'saved' });
export const currentAttempt = createStore<PracticeAttempt | null>(null);

const DEBOUNCE_MS = 400;
const RETRY_MS = 3000;
let dirty = false;
let timer: ReturnType<typeof setTimeout> | null = null;
let writing: Promise<void> | null = null;
/** Aborts the write under way (its read may never come back once the page goes). */
let abortWrite: (() => void) | null = null;
/** The write under way was aborted for the one made as the page goes: not a failure. */
let abortedForExit = false;
/** The version of the current attempt last known to be in storage: what a merge starts from. */
let base: PracticeAttempt | null = null;
let channel: BroadcastChannel | null = null;

export const sample = (): TimeSample => ({ wall: Date.now(), mono: performance.now(), origin: performance.timeOrigin });

/** Makes `a` the current attempt and schedules its save (`now` re-anchors a running clock). */
export function update(a: PracticeAttempt, immediate = false): void {
  currentAttempt.set(a);
  dirty = true;
  if (saveState.get().kind === 'saved') saveState.set({ kind: 'pending' });
  schedule(immediate ? 0 : DEBOUNCE_MS);
}

function schedule(ms: number): void {
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => void flush(), ms);
}

/** Writes the current attempt now (awaits a write already under way first). */
export async function flush(): Promise<void> {
  if (timer) clearTimeout(timer);
  timer = null;
  if (writing) await writing;
  const a = currentAttempt.get();
  if (!dirty || !a) return;
  dirty = false;
  const toSave = anchorAttempt(a, sample());
  writing = (async () => {
    try {
      const written = await putAttemptOver(
        await openPocketDb(),
        toSave,
        (stored) => (stored && !(base && sameWork(base, stored)) ? mergeAttempt(base, toSave, stored) : toSave),
        (abort) => (abortWrite = abort),
      );
      base = written;
      if (written !== toSave) {
        // Another tab's work came in: show it (rebasing anything typed during the write).
        const now = currentAttempt.get();
        if (now?.id === written.id) currentAttempt.set(now === a ? written : mergeAttempt(a, now, written));
      }
      channel?.postMessage({ type: 'attempt', attempt: written });
      if (!dirty) saveState.set({ kind: 'saved' });
    } catch (err) {
      if (abortedForExit) return;
      dirty = true;
      const why = err instanceof StorageFailure ? err.message : 'Saving failed unexpectedly.';
      saveState.set({ kind: 'failed', message: `${why} Your answers stay on this screen and are saved as soon as storage accepts them.` });
      schedule(RETRY_MS);
    } finally {
      writing = null;
      abortWrite = null;
      abortedForExit = false;
    }
  })();
  await writing;
}

/**
 * The page is going: what is not in storage yet goes in one request on the version this page last
 * knew (other tabs' saves reach it at once through the channel), the write under way aborted first.
 */
export function leaving(): void {
  const a = currentAttempt.get();
  const db = openedPocketDb();
  if (!a || !(dirty || writing)) return;
  if (!db) return void flush();
  const toSave = anchorAttempt(a, sample());
  if (abortWrite) (abortedForExit = true), abortWrite();
  const landed = (ok: boolean) => {
    if (!ok) return void ((dirty = true), schedule(RETRY_MS));
    base = toSave;
    if (!dirty) saveState.set({ kind: 'saved' });
  };
  if (!putAttemptAtExit(db, toSave, landed)) return void flush();
  dirty = false;
  if (timer) clearTimeout(timer);
  timer = null;
}

/** Loads an attempt into memory (the one already in memory wins: it may hold unsaved words). */
export async function openAttempt(id: string): Promise<PracticeAttempt | null> {
  const mine = currentAttempt.get();
  if (mine?.id === id) return mine;
  if (dirty) await flush();
  // Never swap out an attempt whose words are not in storage yet: it stays in memory and keeps retrying.
  if (dirty) throw new StorageFailure('quota', 'Your other interview is not saved yet; it is kept on this device and saved as soon as storage accepts it.');
  const a = await getAttempt(await openPocketDb(), id);
  base = a;
  currentAttempt.set(a);
  dirty = false;
  saveState.set({ kind: 'saved' });
  return a;
}

export async function listAttempts(): Promise<PracticeAttempt[]> {
  if (dirty) await flush();
  const list = await allAttempts(await openPocketDb());
  return list.sort((a, b) => b.createdAt - a.createdAt);
}

/** Another tab saved an attempt: the same one open here takes it (merged with unsaved words here). */
export function fromOtherTab(theirs: PracticeAttempt): void {
  const mine = currentAttempt.get();
  if (!mine || mine.id !== theirs.id) return;
  if (base?.id === theirs.id && theirs.updatedAt < base.updatedAt) return;
  currentAttempt.set(dirty ? mergeAttempt(base, mine, theirs) : theirs);
  base = theirs;
}

/**
 * Calls `changed` when another tab saves an attempt, and when this tab is shown again, so a list
 * of attempts (the prompt page's "Continue your interview") follows what happened elsewhere.
 */
export function onAttemptsChanged(changed: () => void): () => void {
  const other = typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel('mlsd-attempts') : null;
  other?.addEventListener('message', (e: MessageEvent<{ type?: string }>) => e.data?.type === 'attempt' && changed());
  const shown = () => document.visibilityState === 'visible' && changed();
  document.addEventListener('visibilitychange', shown);
  return () => {
    other?.close();
    document.removeEventListener('visibilitychange', shown);
  };
}

let listening = false;
/** Flushes on pagehide and when the tab is hidden; re-anchors a running clock while saving; follows other tabs. */
export function keepSaved(): void {
  if (listening) return;
  listening = true;
  if (typeof BroadcastChannel !== 'undefined') {
    channel = new BroadcastChannel('mlsd-attempts');
    channel.addEventListener('message', (e: MessageEvent<{ type?: string; attempt?: PracticeAttempt }>) => {
      if (e.data?.type === 'attempt' && e.data.attempt) fromOtherTab(e.data.attempt);
    });
  }
  // A running clock is re-anchored (saved) on the way out; anything not yet written is flushed.
  const hidden = () => {
    if (currentAttempt.get()?.status === 'running') dirty = true;
    void flush();
  };
  addEventListener('pagehide', () => (currentAttempt.get()?.status === 'running' && (dirty = true), leaving()));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') hidden();
  });
}
