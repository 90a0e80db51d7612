import type { PocketDb } from './db.ts';
import { guarded } from './errors.ts';
import { USER_STORES, type UserStore } from './schema.ts';
import { announceWrite, type UserWrite } from './user-writes.ts';

/**
 * The second copy (src/mirror/) reads and restores the user's stores through here, generically:
 * it never needs to know what a card or an attempt is, only its store and key.
 */

/** Records per user store. */
export async function countUserRecords(db: PocketDb): Promise<Record<UserStore, number>> {
  return guarded(async () => {
    const tx = db.transaction([...USER_STORES], 'readonly');
    const counts = await Promise.all(USER_STORES.map((s) => tx.objectStore(s).count()));
    await tx.done;
    return Object.fromEntries(USER_STORES.map((s, i) => [s, counts[i] ?? 0])) as Record<UserStore, number>;
  });
}

/** Every key of one user store. */
export async function userKeys(db: PocketDb, store: UserStore): Promise<Set<string>> {
  return guarded(async () => new Set((await db.getAllKeys(store)).map(String)));
}

/** Every record of every user store, keyed (to write the copy afresh). */
export async function readUserRecords(db: PocketDb): Promise<Record<UserStore, Record<string, unknown>>> {
  return guarded(async () => {
    const tx = db.transaction([...USER_STORES], 'readonly');
    const out = {} as Record<UserStore, Record<string, unknown>>;
    await Promise.all(
      USER_STORES.map(async (s) => {
        const store = tx.objectStore(s);
        const [keys, values] = await Promise.all([store.getAllKeys(), store.getAll()]);
        out[s] = Object.fromEntries(keys.map((k, i) => [String(k), values[i]]));
      }),
    );
    await tx.done;
    return out;
  });
}

/**
 * Puts back records the database lacks, in ONE transaction, never over a record it has (a newer
 * edit saved meanwhile wins). Returns how many were added per store; announced as 'restore'.
 */
export async function restoreMissing(db: PocketDb, records: Partial<Record<UserStore, unknown[]>>): Promise<Record<string, number>> {
  const stores = USER_STORES.filter((s) => (records[s]?.length ?? 0) > 0);
  if (stores.length === 0) return {};
  const added: Record<string, number> = {};
  const writes: UserWrite[] = [];
  await guarded(async () => {
    const tx = db.transaction(stores, 'readwrite');
    for (const s of stores) {
      const store = tx.objectStore(s);
      const keyPath = store.keyPath as string;
      for (const value of records[s]!) {
        const key = String((value as Record<string, unknown>)[keyPath]);
        if ((await store.getKey(key)) !== undefined) continue;
        await store.add(value as never);
        added[s] = (added[s] ?? 0) + 1;
        writes.push({ store: s, key, value, origin: 'restore' });
      }
    }
    await tx.done;
  });
  announceWrite(...writes);
  return added;
}
