import type { UserStore } from '../storage/schema.ts';

/**
 * One CouchDB/PouchDB document per user record: the record itself travels whole in `value`,
 * so the same validation as an imported backup applies to it when it comes back.
 */
export interface SyncDoc {
  /** `${store}:${key}`: stable across devices because the record's own id is. */
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  _conflicts?: string[];
  /** Format of this document, so a later app can read an older one. */
  kind: 'mlsd-record';
  v: 1;
  store: UserStore;
  key: string;
  value: Record<string, unknown>;
  /** When the record last changed (its own updatedAt or reviewedAt). */
  updatedAt: number;
  /** The device that wrote this revision (never the user's name). */
  device: string;
}

/** What the user typed in Settings → Sync (the password is kept apart, encrypted). */
export interface SyncConfig {
  /** The server's base URL, or a database URL (`https://host/db`). */
  server: string;
  username: string;
}

/** The named states the status line shows. */
export type SyncState =
  | { kind: 'off' }
  | { kind: 'starting' }
  | { kind: 'syncing' }
  | { kind: 'synced'; at: number }
  | { kind: 'offline'; lastSyncedAt: number | null }
  | { kind: 'unreachable'; lastSyncedAt: number | null }
  | { kind: 'denied' }
  | { kind: 'forbidden' }
  | { kind: 'error'; reason: string };

/** What came in from the server and could not be used (shown, never applied). */
export interface SkippedDoc {
  id: string;
  problem: string;
}
