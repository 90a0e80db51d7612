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

export function onUserWrite(follower: Follower): () => void {
  followers.add(follower);
  return () => followers.delete(follower);
}

/** Called by repositories after the transaction that wrote `writes` has completed. */
export function announceWrite(...writes: UserWrite[]): void {
  if (writes.length === 0) return;
  for (const f of followers) {
    try {
      f(writes);
    } catch {
      // A follower's failure never undoes or blocks a write that IndexedDB already accepted.
    }
  }
}
