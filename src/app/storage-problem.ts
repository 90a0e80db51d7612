import { onDbEvents } from '../storage/db.ts';
import type { StorageFailureKind } from '../storage/errors.ts';
import { createStore } from '../ui/store.ts';

/**
 * A problem with the storage connection itself (not a refused save, which the save queue reports
 * with what it keeps): null when all is well. Cleared as soon as a save succeeds again.
 */
export const storageProblem = createStore<StorageFailureKind | null>(null);

let last: StorageFailureKind | null = null;

/** The last failure a save met (a closed connection right after a disk error is the disk's fault). */
export const lastStorageFailure = (): StorageFailureKind | null => last;

export function reportStorageFailure(kind: StorageFailureKind): void {
  last = kind;
}

/** When a save last succeeded (a connection closed before it has already been reopened). */
let workedAt = 0;

/** A write succeeded: whatever was wrong is over, so its message goes. */
export function reportStorageWorks(): void {
  last = null;
  workedAt = Date.now();
  storageProblem.set(null);
}

/**
 * How long a closed connection waits for a failed save to say why: the save being typed fails within the save
 * queue's first try (1 s was too short under load, and a full disk was then called a closed connection).
 */
const WHY_WAIT_MS = 5000;

export function watchStorage(): void {
  onDbEvents({
    onVersionChange: () => storageProblem.set('version'),
    onBlocked: () => storageProblem.set('blocked'),
    // Any write refused by a full disk (reading progress, a counter, a highlight) says why a close may follow.
    onWriteFailed: (kind) => reportStorageFailure(kind),
    // The failed save that made the browser close the connection may say why a moment later: wait for it. A save
    // that worked meanwhile has reopened the connection: nothing to say then.
    onTerminated: () => {
      const at = Date.now();
      setTimeout(() => {
        if (last === 'disk' || last === 'quota') storageProblem.set('disk');
        else if (workedAt < at) storageProblem.set('closed');
      }, WHY_WAIT_MS);
    },
  });
}
