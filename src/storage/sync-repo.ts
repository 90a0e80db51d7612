import type { PocketDb } from './db.ts';
import { classify, guarded } from './errors.ts';
import type { SyncSecret, UserStore } from './schema.ts';
import { announceWrite, type UserWrite } from './user-writes.ts';

/** The key of each user store's records (its keyPath). */
export const KEY_FIELD: Record<UserStore, string> = {
  annotations: 'id',
  progress: 'chapterId',
  cards: 'id',
  reviews: 'id',
  attempts: 'id',
};

export interface UserRecord {
  store: UserStore;
  key: string;
  value: Record<string, unknown>;
}

/** Every record the user made in the given stores (for the first sync of a device). */
export async function readUserRecords(db: PocketDb, stores: readonly UserStore[]): Promise<UserRecord[]> {
  return guarded(async () => {
    const tx = db.transaction([...stores], 'readonly');
    const out: UserRecord[] = [];
    for (const store of stores) {
      const all = (await tx.objectStore(store).getAll()) as Record<string, unknown>[];
      for (const value of all) out.push({ store, key: String(value[KEY_FIELD[store]]), value });
    }
    await tx.done;
    return out;
  });
}

/** The records currently stored under these keys (null where there is none). */
export async function readRecords(db: PocketDb, wanted: readonly { store: UserStore; key: string }[]): Promise<(Record<string, unknown> | null)[]> {
  if (wanted.length === 0) return [];
  return guarded(async () => {
    const tx = db.transaction([...new Set(wanted.map((w) => w.store))], 'readonly');
    const out = await Promise.all(wanted.map(async (w) => ((await tx.objectStore(w.store).get(w.key)) as Record<string, unknown> | undefined) ?? null));
    await tx.done;
    return out;
  });
}

/**
 * Writes user records (put, or delete where `record` is null) in one transaction, then announces
 * them. Records that arrived from the sync server carry origin 'sync' (the mirror keeps them; sync
 * does not send them back); an import announces them as ordinary writes.
 */
export async function writeUserRecords(
  db: PocketDb,
  changes: readonly { store: UserStore; key: string; record: Record<string, unknown> | null }[],
  origin?: 'sync',
): Promise<void> {
  if (changes.length === 0) return;
  const tx = db.transaction([...new Set(changes.map((c) => c.store))], 'readwrite');
  const requests: Promise<unknown>[] = [tx.done];
  try {
    for (const c of changes) {
      const store = tx.objectStore(c.store);
      requests.push(c.record ? store.put(c.record as never) : store.delete(c.key));
    }
    await Promise.all(requests);
  } catch (err) {
    requests.forEach((r) => r.catch(() => undefined));
    try {
      tx.abort();
    } catch {
      // already finished
    }
    throw classify(err);
  }
  announceWrite(...changes.map((c): UserWrite => (origin ? { store: c.store, key: c.key, value: c.record, origin } : { store: c.store, key: c.key, value: c.record })));
}

/** Records that arrived from the sync server. */
export const applySyncedRecords = (db: PocketDb, changes: readonly { store: UserStore; key: string; record: Record<string, unknown> | null }[]): Promise<void> =>
  writeUserRecords(db, changes, 'sync');

export async function getSyncSecret(db: PocketDb): Promise<SyncSecret | null> {
  return guarded(async () => {
    const rec = await db.get('meta', 'sync-secret');
    return rec && rec.key === 'sync-secret' ? (rec as SyncSecret) : null;
  });
}

export async function putSyncSecret(db: PocketDb, secret: SyncSecret | null): Promise<void> {
  return guarded(async () => {
    if (secret) await db.put('meta', secret);
    else await db.delete('meta', 'sync-secret');
  });
}
