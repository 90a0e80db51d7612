import { unwrap } from 'idb';
import type { PracticeAttempt } from '../practice/types.ts';
import type { PocketDb } from './db.ts';
import { guarded } from './errors.ts';
import { announceWrite } from './user-writes.ts';

/** Mock-interview attempts (store `attempts`, user data): one record per attempt, written whole. */
export async function putAttempt(db: PocketDb, attempt: PracticeAttempt): Promise<void> {
  await guarded(async () => {
    const tx = db.transaction('attempts', 'readwrite');
    await Promise.all([tx.store.put(attempt), tx.done]);
  });
  announceWrite({ store: 'attempts', key: attempt.id, value: attempt });
}

/**
 * Writes an attempt after reading the stored one in the same transaction, so a version written
 * meanwhile by another tab (or sync) is seen: `resolve` gets it and returns what to store.
 * `started` gets a way to abort the transaction while its read is out (see `putAttemptAtExit`).
 */
export async function putAttemptOver(
  db: PocketDb,
  attempt: PracticeAttempt,
  resolve: (stored: PracticeAttempt | null) => PracticeAttempt,
  started?: (abort: () => void) => void,
): Promise<PracticeAttempt> {
  const written = await guarded(async () => {
    const tx = db.transaction('attempts', 'readwrite');
    started?.(() => {
      try {
        tx.abort();
      } catch {
        // Already finished.
      }
    });
    const toPut = resolve((await tx.store.get(attempt.id)) ?? null);
    await Promise.all([tx.store.put(toPut), tx.done]);
    return toPut;
  });
  announceWrite({ store: 'attempts', key: written.id, value: written });
  return written;
}

/**
 * The page is going (pagehide): the attempt in one request, committed at once, on the version the
 * page last knew. A read would not come back before the page is gone, and a transaction left
 * waiting for it would hold the store (abort it first). False when the request could not be made;
 * `done` says whether it landed (the page may live on: a back/forward cache).
 */
export function putAttemptAtExit(db: PocketDb, attempt: PracticeAttempt, done: (ok: boolean) => void): boolean {
  try {
    const tx = db.transaction('attempts', 'readwrite');
    const put = tx.store.put(attempt);
    (unwrap(tx) as IDBTransaction & { commit?: () => void }).commit?.();
    void Promise.all([put, tx.done]).then(
      () => (announceWrite({ store: 'attempts', key: attempt.id, value: attempt }), done(true)),
      () => done(false),
    );
    return true;
  } catch {
    return false;
  }
}

/** Writes several attempts in one transaction (an import): all or nothing. */
export async function putAttempts(db: PocketDb, attempts: readonly PracticeAttempt[], origin?: 'restore'): Promise<void> {
  if (attempts.length === 0) return;
  await guarded(async () => {
    const tx = db.transaction('attempts', 'readwrite');
    await Promise.all([...attempts.map((a) => tx.store.put(a)), tx.done]);
  });
  announceWrite(...attempts.map((a) => ({ store: 'attempts' as const, key: a.id, value: a, ...(origin ? { origin } : {}) })));
}

export async function getAttempt(db: PocketDb, id: string): Promise<PracticeAttempt | null> {
  return guarded(async () => (await db.get('attempts', id)) ?? null);
}

export async function allAttempts(db: PocketDb): Promise<PracticeAttempt[]> {
  return guarded(async () => db.getAll('attempts'));
}

export async function attemptsForPrompt(db: PocketDb, promptId: string): Promise<PracticeAttempt[]> {
  return guarded(async () => db.getAllFromIndex('attempts', 'by-prompt', promptId));
}
