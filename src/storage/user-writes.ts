import type { UserStore } from './schema.ts';

/**
 * Every write of the user's own data is announced here once IndexedDB has accepted it, so the
 * second copy on the device (the mirror), the backup counter and sync can follow without each
 * repository knowing about them. Repositories call `announceWrite`; followers `onUserWrite`.
 * `value: null` means the record was deleted.
 */
export interface UserWrite {
  store: UserStore;
  key: string;
  value: unknown | null;
  /** Where the change came from: 'sync' when it arrived from the sync server (sync does not send it back). */
  origin?: 'sync' | 'restore';
}

type Follower = (writes: readonly UserWrite[]) => void;
const followers = new Set<Follower>();

/**
 * Writes made before a late follower (one loaded lazily, like the mirror) attached: kept, up to
 * BACKLOG_MAX, so it can catch up with `{ catchUp: true }`. Past the cap it must re-read instead.
 */
const BACKLOG_MAX = 2000;
const backlog: UserWrite[] = [];
let backlogOverflowed = false;

export function onUserWrite(follower: Follower, opts: { catchUp?: boolean } = {}): () => void {
  followers.add(follower);
  if (opts.catchUp && backlog.length > 0) {
    try {
      follower(backlog.slice());
    } catch {
      // as in announceWrite
    }
  }
  return () => followers.delete(follower);
}

/** True when more writes happened before the first catch-up than the backlog keeps. */
export const backlogIncomplete = (): boolean => backlogOverflowed;

/** Called by repositories after the transaction that wrote `writes` has completed. */
export function announceWrite(...writes: UserWrite[]): void {
  if (writes.length === 0) return;
  if (backlog.length + writes.length <= BACKLOG_MAX) backlog.push(...writes);
  else backlogOverflowed = true;
  for (const f of followers) {
    try {
      f(writes);
    } catch {
      // A follower's failure never undoes or blocks a write that IndexedDB already accepted.
    }
  }
}
