/**
 * Every way storage can fail, as a state the UI can name and explain truthfully:
 * - quota: the browser refused the write for lack of space (`QuotaExceededError`);
 * - disk: an input/output error from the device (`UnknownError`, "IO error", "no space left"),
 *   almost always a full disk; also a connection the browser closed right after such an error;
 * - closed: the browser closed the connection for another reason (storage cleared, crash);
 * - blocked: an older tab holds back the upgrade; version: a newer version wrote the database;
 * - unavailable: storage is turned off (private mode, a blocked origin, no IndexedDB at all);
 * - unknown: anything else.
 */
export type StorageFailureKind = 'quota' | 'disk' | 'closed' | 'blocked' | 'version' | 'unavailable' | 'unknown';

export class StorageFailure extends Error {
  constructor(
    readonly kind: StorageFailureKind,
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'StorageFailure';
  }
}

const kept = (pending: number): string =>
  pending === 1 ? '1 change is kept on this screen' : `${pending} changes are kept on this screen`;

/**
 * The sentence for a failure. With changes pending it never advises a reload (a reload would
 * throw them away); it says what is kept and that saving resumes by itself.
 */
export function failureText(kind: StorageFailureKind, pending = 0): string {
  const waiting = pending > 0 ? ` ${kept(pending)} and saved by itself as soon as it can be — keep this tab open.` : '';
  switch (kind) {
    case 'quota':
    case 'disk':
      return pending > 0
        ? `This device is out of storage space, so MLSD Pocket cannot save right now. Free some space (delete files, photos or apps you no longer need).${waiting}`
        : 'This device is out of storage space. Free some space (delete files, photos or apps you no longer need); everything saved before is kept.';
    case 'closed':
      return pending > 0
        ? `The browser closed MLSD Pocket's storage; it is reconnecting.${waiting}`
        : "The browser closed MLSD Pocket's storage; it reconnects by itself the next time something is saved.";
    case 'blocked':
      return 'MLSD Pocket is open in another tab with an older version. Close that tab (or reload it) to continue.';
    case 'version':
      return pending > 0
        ? `A newer version of MLSD Pocket is open in another tab, so this tab can no longer save. ${kept(pending)}: copy them into the newer tab before you close this one.`
        : 'A newer version of MLSD Pocket stored data on this device. Reload to use the newer version.';
    case 'unavailable':
      return 'This browser is not letting MLSD Pocket store data (private browsing, or storage turned off). Reading works online, but nothing can be saved for offline use.';
    case 'unknown':
      return pending > 0 ? `Saving failed unexpectedly.${waiting}` : 'Storage failed unexpectedly; MLSD Pocket will try again.';
  }
}

/** The sentence with nothing pending (kept for callers that show one fixed text per kind). */
export const FAILURE_TEXT: Record<StorageFailureKind, string> = {
  quota: failureText('quota'),
  disk: failureText('disk'),
  closed: failureText('closed'),
  blocked: failureText('blocked'),
  version: failureText('version'),
  unavailable: failureText('unavailable'),
  unknown: failureText('unknown'),
};

const nameOf = (err: unknown): string =>
  err && typeof err === 'object' && 'name' in err ? String((err as { name: unknown }).name) : '';

/** Words browsers (Chromium's LevelDB backend, Firefox, Safari) use for a failed device write. */
const DISK_WORDS = /no space|disk|ENOSPC|full|I\/?O error|IO error|write failed|internal error|backing store|corrupt/i;

/**
 * Sorts any error thrown by IndexedDB into a named failure. `previous` is the kind of the last
 * failure seen: a connection closed right after a disk error is the disk's fault, and says so.
 */
export function classify(err: unknown, previous?: StorageFailureKind | null): StorageFailure {
  if (err instanceof StorageFailure) return err;
  const name = nameOf(err);
  const message = err instanceof Error ? err.message : String(err);
  const make = (kind: StorageFailureKind) => new StorageFailure(kind, failureText(kind), err);
  if (name === 'QuotaExceededError' || /quota/i.test(message)) return make('quota');
  if (name === 'VersionError') return make('version');
  if ((name === 'InvalidStateError' || name === 'TransactionInactiveError' || name === 'AbortError') && /clos/i.test(message)) {
    return make(previous === 'disk' || previous === 'quota' ? 'disk' : 'closed');
  }
  if (name === 'UnknownError' || name === 'DataError' || name === 'NotReadableError' || name === 'AbortError') {
    // An UnknownError in a write is Chromium's way of reporting a device I/O failure; a write
    // whose transaction was aborted under it (the app never aborts a write itself) failed the same way.
    return make(DISK_WORDS.test(message) || name === 'UnknownError' || name === 'AbortError' ? 'disk' : 'unknown');
  }
  if (name === 'SecurityError' || name === 'InvalidStateError' || /indexeddb/i.test(message)) return make('unavailable');
  return make('unknown');
}

/** Runs a storage call and turns whatever it throws into a named failure. */
export async function guarded<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    throw classify(err);
  }
}
