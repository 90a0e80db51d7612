import { adoptImported, saveProblem } from '../annotations/annotation-store.ts';
import type { Annotation } from '../annotations/types.ts';
import { lastOpenInfo, onDbEvents, openPocketDb, type PocketDb } from '../storage/db.ts';
import { countUserRecords, readUserRecords, restoreMissing, userKeys } from '../storage/mirror-repo.ts';
import { USER_STORES, type UserStore } from '../storage/schema.ts';
import { onUserWrite, type UserWrite } from '../storage/user-writes.ts';
import { createStore } from '../ui/store.ts';
import { applyWrites, countsOf, emptyState, encodeEntry, encodeSnapshot, parseJournal, replay, type MirrorState, type MirrorWrite } from './journal.ts';
import { appendFile, opfsAvailable, readFrom, replaceFile, stat, withMirrorLock } from './opfs.ts';
import { planRestore, type MirrorStamp } from './restore-plan.ts';

/**
 * The second copy of everything the user made, outside IndexedDB: the Origin Private File System
 * holds `snapshot.json` (all records at one moment) and `journal.log` (every write since, one
 * checksummed line each). A corrupt or deleted IndexedDB does not take these files with it. It
 * follows every write IndexedDB accepted (`onUserWrite`), and localStorage keys of the app
 * (reader settings). At start-up, and whenever the database is re-created, it compares the
 * database with the copy and puts back what the database lost.
 */
const SNAPSHOT = 'snapshot.json';
const JOURNAL = 'journal.log';
/** Fold the journal into a new snapshot once it is this large (bytes). */
const COMPACT_AT = 256 * 1024;
const STAMP_KEY = 'mlsd-pocket:mirror';
const SETTINGS = 'settings';
const SETTINGS_PREFIX = 'mlsd-pocket:';

export type MirrorNotice =
  | { kind: 'restored'; reason: 'data-loss' | 'emptied' | 'behind'; counts: Record<string, number>; settings: number }
  | { kind: 'lost'; expected: number };

/** What the mirror has to tell the user (null: nothing). */
export const mirrorNotice = createStore<MirrorNotice | null>(null);
/** The mirror's health, for tests and Settings: 'off' where the browser has no OPFS. */
export const mirrorHealth = createStore<'starting' | 'ok' | 'failing' | 'off'>('starting');

let state: MirrorState = emptyState();
let journalSize = 0;
/** The snapshot file as last read or written here (size and time): a change means another tab folded the journal. */
let snapshotStamp = '';
let chain: Promise<unknown> = Promise.resolve();
let pending: MirrorWrite[] = [];
let scheduled = false;

/** Serialises the mirror's file work in this page (the Web Lock serialises it across tabs). */
function serial<T>(fn: () => Promise<T>): Promise<T> {
  const run = chain.then(() => withMirrorLock(fn));
  chain = run.catch(() => undefined);
  return run;
}

/** Brings this page's state up to date with the files (another tab may have written or folded them). */
async function catchUpWithFiles(): Promise<void> {
  const snap = await stat(SNAPSHOT);
  const tail = await readFrom(JOURNAL, journalSize);
  if (snap !== snapshotStamp || tail.size < journalSize) {
    await reload();
    return;
  }
  const { entries, torn } = parseJournal(tail.text);
  if (torn) {
    await reload();
    return;
  }
  for (const e of entries) applyWrites(state, e.writes, e.at);
  journalSize = tail.size;
}

/** Reads the snapshot and the whole journal; a torn or damaged copy is rewritten whole at once. */
async function reload(): Promise<{ torn: boolean }> {
  snapshotStamp = await stat(SNAPSHOT);
  const snap = await readFrom(SNAPSHOT);
  const journal = await readFrom(JOURNAL);
  const r = replay(snap.text || null, journal.text);
  state = r.state;
  journalSize = journal.size;
  if (r.torn || !r.snapshotOk) await compact();
  return { torn: r.torn };
}

async function compact(): Promise<void> {
  await replaceFile(SNAPSHOT, encodeSnapshot(state));
  snapshotStamp = await stat(SNAPSHOT);
  journalSize = await replaceFile(JOURNAL, '');
}

function writeStamp(): void {
  try {
    const stamp: MirrorStamp = { changedAt: state.changedAt, counts: countsOf(state) };
    localStorage.setItem(STAMP_KEY, JSON.stringify(stamp));
  } catch {
    // localStorage full or off: the stamp is a hint, the files are the copy.
  }
}

function readStamp(): MirrorStamp | null {
  try {
    const v = JSON.parse(localStorage.getItem(STAMP_KEY) ?? 'null') as MirrorStamp | null;
    return v && typeof v.changedAt === 'number' && typeof v.counts === 'object' ? v : null;
  } catch {
    return null;
  }
}

/** Appends the waiting writes as one journal entry (and folds the journal when it is large). */
function flush(): Promise<void> {
  return serial(async () => {
    // While storage refuses writes (a full disk), leave the copy alone: writing files on a full
    // disk can damage the file system's own records, and the copy must survive what IndexedDB may not.
    if (saveProblem.get() !== null) {
      setTimeout(schedule, 5000);
      return;
    }
    const writes = pending.concat(settingsChanges());
    pending = [];
    if (writes.length === 0) return;
    try {
      await catchUpWithFiles();
      const at = Date.now();
      journalSize = await appendFile(JOURNAL, encodeEntry({ at, writes }));
      applyWrites(state, writes, at);
      if (journalSize > COMPACT_AT) await compact();
      writeStamp();
      mirrorHealth.set('ok');
    } catch {
      // The copy could not be written (a full disk too): keep the writes and try with the next one.
      pending = writes.concat(pending);
      mirrorHealth.set('failing');
    }
  });
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  setTimeout(() => {
    scheduled = false;
    void flush();
  }, 50);
}

function follow(writes: readonly UserWrite[]): void {
  for (const w of writes) if (w.origin !== 'restore') pending.push({ area: w.store, key: w.key, value: w.value });
  schedule();
}

/** The app's localStorage keys whose value differs from the copy's. */
function settingsChanges(): MirrorWrite[] {
  const out: MirrorWrite[] = [];
  try {
    const known = state.records[SETTINGS] ?? {};
    const now = new Map<string, string>();
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (k && k.startsWith(SETTINGS_PREFIX) && k !== STAMP_KEY) now.set(k, localStorage.getItem(k) ?? '');
    }
    for (const [k, v] of now) if (known[k] !== v) out.push({ area: SETTINGS, key: k, value: v });
  } catch {
    // no localStorage
  }
  return out;
}

/** Compares the database with the copy and restores what the database lost. */
async function check(): Promise<void> {
  const db = await openPocketDb();
  const counts = await countUserRecords(db);
  const info = lastOpenInfo();
  const keys = new Map<UserStore, Set<string>>();
  for (const s of USER_STORES) if ((counts[s] ?? 0) !== Object.keys(state.records[s] ?? {}).length) keys.set(s, await userKeys(db, s));
  const plan = planRestore(
    { counts, dataLoss: info?.dataLoss ?? false, createdNow: info?.createdNow ?? false },
    state,
    readStamp(),
    USER_STORES,
    (s) => keys.get(s as UserStore) ?? new Set(Object.keys(state.records[s] ?? {})),
  );
  if (plan.kind === 'restore') {
    const records: Partial<Record<UserStore, unknown[]>> = {};
    for (const [s, ks] of Object.entries(plan.missing)) records[s as UserStore] = ks.map((k) => state.records[s]![k]);
    const added = await restoreMissing(db, records);
    const settings = restoreSettings();
    if (records.annotations?.length) adoptImported(records.annotations as Annotation[]);
    mirrorNotice.set({ kind: 'restored', reason: plan.reason, counts: added, settings });
    if (plan.reseed) await reseed(db);
  } else if (plan.kind === 'reseed') {
    await reseed(db);
  } else if (plan.kind === 'lost') {
    mirrorNotice.set({ kind: 'lost', expected: plan.expected });
  }
}

/** Writes the copy afresh from the database (its user stores; the settings it keeps). */
async function reseed(db: PocketDb): Promise<void> {
  const all = await readUserRecords(db);
  await serial(async () => {
    await catchUpWithFiles();
    state = { records: { ...all, [SETTINGS]: state.records[SETTINGS] ?? {} }, changedAt: Math.max(state.changedAt, Date.now()) };
    await compact();
    writeStamp();
  });
}

/** Puts back app settings that localStorage lost; returns how many. */
function restoreSettings(): number {
  let n = 0;
  try {
    for (const [k, v] of Object.entries(state.records[SETTINGS] ?? {})) {
      if (localStorage.getItem(k) === null && typeof v === 'string') {
        localStorage.setItem(k, v);
        n++;
      }
    }
  } catch {
    // no localStorage
  }
  return n;
}

let started: Promise<void> | null = null;

/** Starts the copy: load it, follow every write, check the database against it. */
export function startMirror(): Promise<void> {
  started ??= (async () => {
    if (!opfsAvailable()) {
      mirrorHealth.set('off');
      return;
    }
    try {
      await serial(reload);
    } catch {
      mirrorHealth.set('failing');
    }
    onUserWrite(follow, { catchUp: true });
    onDbEvents({ onOpened: (info) => void (info.createdNow || info.dataLoss ? check().catch(() => undefined) : undefined) });
    addEventListener('pagehide', () => void flush());
    document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && void flush());
    await check().catch(() => undefined);
    await flush();
    if (mirrorHealth.get() === 'starting') mirrorHealth.set('ok');
  })();
  return started;
}

/** Waits until every write seen so far is in the copy (tests, and before a reload). */
export async function mirrorSettled(): Promise<void> {
  await flush();
}

/** This page's view of the copy's counts (tests and Settings). */
export const mirrorCounts = (): Record<string, number> => countsOf(state);
