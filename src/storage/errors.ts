/** Every way storage can fail, as a state the UI can name and explain. */
export type StorageFailureKind = 'quota' | 'blocked' | 'unavailable' | 'version' | 'closed' | 'unknown';

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

export const FAILURE_TEXT: Record<StorageFailureKind, string> = {
  quota: 'This device is out of storage space for MLSD Pocket. Free some space, then try again — nothing you saved was lost.',
  blocked: 'MLSD Pocket is open in another tab with an older version. Close that tab (or reload it) to continue.',
  unavailable: 'This browser is not letting MLSD Pocket store data (private browsing, or storage turned off). Reading works online, but nothing can be saved for offline use.',
  version: 'A newer version of MLSD Pocket stored data on this device. Reload to use the newer version.',
  closed: 'The storage connection was closed by the browser. Reload to reconnect.',
  unknown: 'Storage failed unexpectedly. Reload to try again; nothing you saved was deleted.',
};

const nameOf = (err: unknown): string =>
  err && typeof err === 'object' && 'name' in err ? String((err as { name: unknown }).name) : '';

/** Sorts any error thrown by IndexedDB into a named failure. */
export function classify(err: unknown): StorageFailure {
  if (err instanceof StorageFailure) return err;
  const name = nameOf(err);
  const message = err instanceof Error ? err.message : String(err);
  if (name === 'QuotaExceededError' || /quota/i.test(message)) return new StorageFailure('quota', FAILURE_TEXT.quota, err);
  if (name === 'VersionError') return new StorageFailure('version', FAILURE_TEXT.version, err);
  if (name === 'InvalidStateError' && /clos/i.test(message)) return new StorageFailure('closed', FAILURE_TEXT.closed, err);
  if (name === 'InvalidStateError' || name === 'SecurityError' || name === 'UnknownError' || /indexeddb/i.test(message)) {
    return new StorageFailure('unavailable', FAILURE_TEXT.unavailable, err);
  }
  return new StorageFailure('unknown', FAILURE_TEXT.unknown, err);
}

/** Runs a storage call and turns whatever it throws into a named failure. */
export async function guarded<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    throw classify(err);
  }
}
