import type { MirrorState } from './journal.ts';

/** What the database looked like when it was opened (see src/storage/db.ts `lastOpenInfo`). */
export interface DbHealth {
  /** Records per user store now. */
  counts: Record<string, number>;
  /** The browser said data was lost when it opened the database (`dataLoss` on the upgrade event). */
  dataLoss: boolean;
  /** The database was created from nothing on this open (version 0 before). */
  createdNow: boolean;
}

/** The stamp kept in localStorage beside the copy: what the last change left behind. */
export interface MirrorStamp {
  changedAt: number;
  counts: Record<string, number>;
}

export type RestorePlan =
  | { kind: 'agree' }
  /**
   * Records the copy has and the database lacks: put them back (never over a record the database
   * has). `reseed`: the database also holds records the copy lacks (in another store, say), so the
   * copy is then written afresh from the database, as whole as it will get.
   */
  | { kind: 'restore'; reason: 'data-loss' | 'emptied' | 'behind'; missing: Record<string, string[]>; reseed: boolean }
  /** The copy is behind the database (its first run, or it was lost): write it afresh from the database. */
  | { kind: 'reseed' }
  /** The database lost data and the copy cannot give it back. */
  | { kind: 'lost'; expected: number };

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

/**
 * Compares the database with the copy at start-up (pure). `dbKeys` lists the keys the database
 * holds per store (only read when counts disagree). The copy restores only when the database
 * lost data — the browser said so, the database was emptied or re-created under us, or it holds
 * fewer records than the copy — and then only what is missing, so nothing comes back twice.
 */
export function planRestore(
  db: DbHealth,
  mirror: MirrorState,
  stamp: MirrorStamp | null,
  stores: readonly string[],
  dbKeys: (store: string) => ReadonlySet<string>,
): RestorePlan {
  const mirrorCounts = Object.fromEntries(stores.map((s) => [s, Object.keys(mirror.records[s] ?? {}).length]));
  const dbTotal = total(Object.fromEntries(stores.map((s) => [s, db.counts[s] ?? 0])));
  const mirrorTotal = total(mirrorCounts);
  const expected = stamp ? stores.reduce((n, s) => n + (stamp.counts[s] ?? 0), 0) : 0;
  if (dbTotal === 0 && mirrorTotal === 0 && expected > 0) return { kind: 'lost', expected };
  const agree = stores.every((s) => (db.counts[s] ?? 0) === mirrorCounts[s]);
  if (agree && !db.dataLoss) return { kind: 'agree' };

  const missing: Record<string, string[]> = {};
  let missingTotal = 0;
  for (const s of stores) {
    const have = dbKeys(s);
    const keys = Object.keys(mirror.records[s] ?? {}).filter((k) => !have.has(k));
    if (keys.length) {
      missing[s] = keys;
      missingTotal += keys.length;
    }
  }
  const lostSignal = db.dataLoss || (db.createdNow && mirrorTotal > 0) || (dbTotal === 0 && mirrorTotal > 0);
  const reseed = stores.some((s) => (db.counts[s] ?? 0) + (missing[s]?.length ?? 0) > mirrorCounts[s]!);
  if (missingTotal > 0 && lostSignal) return { kind: 'restore', reason: db.dataLoss ? 'data-loss' : 'emptied', missing, reseed };
  // Fewer records than the copy in some store, with none of the signals: a store was cleared
  // behind the app's back (or a delete never reached the copy). Restore what is missing only
  // when the whole store is gone; a single missing record is more likely a delete.
  const storeWiped = stores.some((s) => (db.counts[s] ?? 0) === 0 && mirrorCounts[s]! > 0);
  if (missingTotal > 0 && storeWiped) return { kind: 'restore', reason: 'behind', missing, reseed };
  return { kind: 'reseed' };
}
