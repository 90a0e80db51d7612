import { openDB, unwrap, wrap, type IDBPDatabase } from 'idb';
import { classify, FAILURE_TEXT, StorageFailure } from './errors.ts';
import { followTransaction } from './cached-page.ts';
import { migrate } from './migrations.ts';
import { DB_NAME, DB_VERSION, type PocketDB } from './schema.ts';

export type PocketDb = IDBPDatabase<PocketDB>;

export interface DbEvents {
  /** Another tab or worker wants a newer schema: this connection was closed for it. */
  onVersionChange?: () => void;
  /** The browser closed the connection (storage cleared, disk error). */
  onTerminated?: () => void;
  /** An older connection elsewhere holds our upgrade back. */
  onBlocked?: () => void;
  /**
   * A write transaction failed for lack of space (`quota`) or a device I/O error (`disk`, Chromium's
   * UnknownError), whoever made it: the closed connection that may follow is then known to be the disk's doing.
   */
  onWriteFailed?: (kind: 'disk' | 'quota') => void;
  /** A connection was opened (again): what the open found (a re-created or damaged database). */
  onOpened?: (info: OpenInfo) => void;
}

let shared: Promise<PocketDb> | null = null;
/** The connection `shared` resolved to, while it is open: a write can start in the same task as the tap. */
let opened: PocketDb | null = null;

/** What the last open of the database found: the second copy (src/mirror) checks this at start-up. */
export interface OpenInfo {
  /** The database was created from nothing (version 0 before the upgrade). */
  createdNow: boolean;
  /** The browser reported lost data (`dataLoss` "total" on upgradeneeded, e.g. after a disk error). */
  dataLoss: boolean;
  at: number;
}
let lastOpen: OpenInfo | null = null;
export const lastOpenInfo = (): OpenInfo | null => lastOpen;
const listeners = new Set<DbEvents>();

/** Listens to connection events for as long as the returned function is not called. */
export function onDbEvents(events: DbEvents): () => void {
  listeners.add(events);
  return () => listeners.delete(events);
}

/** Opens (once per page or worker) the app's database, upgrading it as needed. */
export function openPocketDb(): Promise<PocketDb> {
  if (!shared) {
    const pending = open().then(
      (db) => {
        if (shared === pending) opened = db;
        return db;
      },
      (err: unknown) => {
        shared = null;
        throw classify(err);
      },
    );
    shared = pending;
  }
  return shared;
}

/** The open connection, or null before the first open finished (or after it was closed). */
export const openedPocketDb = (): PocketDb | null => opened;

/** Closes and forgets the shared connection (tests; recovery after `closed`). */
export async function closePocketDb(): Promise<void> {
  const current = shared;
  shared = null;
  opened = null;
  if (current) (await current.catch(() => null))?.close();
}

async function open(): Promise<PocketDb> {
  if (typeof indexedDB === 'undefined') throw new StorageFailure('unavailable', FAILURE_TEXT.unavailable);
  let found: OpenInfo = { createdNow: false, dataLoss: false, at: Date.now() };
  const db = await openDB<PocketDB>(DB_NAME, DB_VERSION, {
    upgrade: (database, oldVersion, newVersion, tx, event) => {
      const loss = (event as IDBVersionChangeEvent & { dataLoss?: string }).dataLoss;
      found = { createdNow: oldVersion === 0, dataLoss: !!loss && loss !== 'none', at: Date.now() };
      migrate(database, oldVersion, newVersion, tx);
    },
    blocked: () => listeners.forEach((l) => l.onBlocked?.()),
    blocking: () => {
      // A newer version waits on this connection: step aside rather than hold it back.
      db.close();
      shared = null;
      if (opened === db) opened = null;
      listeners.forEach((l) => l.onVersionChange?.());
    },
    terminated: () => {
      shared = null;
      if (opened === db) opened = null;
      listeners.forEach((l) => l.onTerminated?.());
    },
  });
  markDoneHandled(db);
  const info = found;
  lastOpen = info;
  listeners.forEach((l) => l.onOpened?.(info));
  return db;
}

/**
 * Every transaction is followed until it ends, so that a page going into the back/forward cache
 * leaves no read open (cached-page.ts), and its `done` is marked handled when it is made. idb's read shortcuts
 * (`db.get`, `db.getAll`…) never await it, so when a failure aborts one (a full disk closing the
 * connection) its rejection went unhandled, beside the request's own rejection, which the caller
 * handles. Whoever awaits `done` still gets the failure; no repository needs to mark it itself. A write
 * that failed for space or a disk error is reported to `onWriteFailed` listeners, whichever store it wrote.
 */
function markDoneHandled(db: PocketDb): void {
  const raw = unwrap(db);
  const make = raw.transaction;
  raw.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
    const tx = make.apply(this, args);
    wrap(tx).done.catch(() => {
      const name = tx.mode === 'readonly' ? null : tx.error?.name;
      const kind = name === 'QuotaExceededError' ? 'quota' : name === 'UnknownError' ? 'disk' : null;
      if (kind) listeners.forEach((l) => l.onWriteFailed?.(kind));
    });
    followTransaction(tx);
    return tx;
  } as IDBDatabase['transaction'];
}
