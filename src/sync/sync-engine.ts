import PouchDB, { type Changes, type Database, type PouchDoc, type PouchError, type Replication } from 'pouchdb-core';
import idbAdapter from 'pouchdb-adapter-indexeddb';
import httpAdapter from 'pouchdb-adapter-http';
import replication from 'pouchdb-replication';
import type { PocketDb } from '../storage/db.ts';
import type { UserStore } from '../storage/schema.ts';
import { applySyncedRecords, readRecords, readUserRecords } from '../storage/sync-repo.ts';
import { onUserWrite, type UserWrite } from '../storage/user-writes.ts';
import { codecFor } from './codecs.ts';
import { changedAt, docId, parseDocId, sameValue, toDoc } from './doc-mapping.ts';
import { resolveRecords, type MergeText } from './merge-rules.ts';
import type { SkippedDoc, SyncDoc, SyncState } from './types.ts';
import { readDoc } from './validate-doc.ts';

const Pouch = PouchDB.plugin(idbAdapter).plugin(httpAdapter).plugin(replication);

/** The local replica of the user's records that PouchDB replicates (never the guide). */
export const LOCAL_DB = 'mlsd-pocket-sync';
const BATCH = 500;

export interface EngineDeps {
  db: () => Promise<PocketDb>;
  now: () => number;
  device: string;
  mergeText: MergeText;
  stores: readonly UserStore[];
  onState: (state: SyncState) => void;
  onSkipped: (skipped: SkippedDoc) => void;
  /** After records arrived (e.g. reviews: the study feature recomputes its schedule). */
  onApplied?: (changes: readonly { store: UserStore; key: string; record: Rec | null }[]) => void | Promise<void>;
}

type Rec = Record<string, unknown>;

const statusOf = (err: unknown): number => (err && typeof err === 'object' && typeof (err as PouchError).status === 'number' ? (err as PouchError).status! : 0);

/**
 * Continuous two-way sync between the app's IndexedDB records and a CouchDB database, through a
 * local PouchDB replica: app writes → replica (on top of the revision they were based on, merged
 * when the server changed it meanwhile); replica changes → validated → app. PouchDB does the
 * replication; this class only maps records and resolves conflicts by the app's own rules.
 */
export class SyncEngine {
  private local: Database | null = null;
  private remote: Database | null = null;
  private repl: Replication | null = null;
  private feed: Changes | null = null;
  private unfollow: (() => void) | null = null;
  /** The replica revision each app record is based on (what the app last wrote or applied). */
  private readonly basedOn = new Map<string, string>();
  private readonly outgoing = new Map<string, UserWrite>();
  /** Replica changes waiting to reach the app, applied in batches (one transaction each). */
  private inbox = new Map<string, PouchDoc>();
  private inboxTimer: ReturnType<typeof setTimeout> | null = null;
  private chain: Promise<void> = Promise.resolve();
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private lastSyncedAt: number | null = null;
  private stopped = false;
  private readonly onOnline = () => this.restartReplication();
  private readonly onOffline = () => this.deps.onState({ kind: 'offline', lastSyncedAt: this.lastSyncedAt });

  constructor(
    private readonly dbUrl: string,
    private readonly auth: { username: string; password: string },
    private readonly deps: EngineDeps,
  ) {}

  /** Checks the server, brings the replica up to date with the app, then syncs live. */
  async start(): Promise<void> {
    this.deps.onState({ kind: 'starting' });
    this.local = new Pouch(LOCAL_DB, { adapter: 'indexeddb' });
    this.remote = new Pouch(this.dbUrl, { adapter: 'http', auth: this.auth, skip_setup: true });
    const refused = await this.checkServer();
    if (refused) return;
    // Follow writes before the first pass reads the app: a highlight made while it runs is queued
    // (its push waits behind the pass in `serial`) instead of waiting for the next start-up.
    this.unfollow = onUserWrite((writes) => this.enqueue(writes));
    await this.serial(() => this.reconcile());
    this.feed = this.local
      .changes({ since: 'now', live: true, include_docs: true, conflicts: true })
      .on('change', (c) => this.receive(c.doc ?? null));
    addEventListener('online', this.onOnline);
    addEventListener('offline', this.onOffline);
    this.startReplication();
  }

  /** Stops syncing; with `forget`, deletes the local replica (the app's own data stays). */
  async stop(forget: boolean): Promise<void> {
    this.stopped = true;
    removeEventListener('online', this.onOnline);
    removeEventListener('offline', this.onOffline);
    this.unfollow?.();
    this.repl?.cancel();
    this.feed?.cancel();
    if (this.flushTimer) clearTimeout(this.flushTimer);
    if (this.inboxTimer) clearTimeout(this.inboxTimer);
    await this.chain.catch(() => undefined);
    if (forget) await this.local?.destroy().catch(() => undefined);
    else await this.local?.close().catch(() => undefined);
    await this.remote?.close().catch(() => undefined);
  }

  /** Resolves once every change made so far has reached the replica (tests, app update). */
  async flush(): Promise<void> {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    await this.serial(() => this.pushOutgoing());
  }

  private async checkServer(): Promise<boolean> {
    try {
      await this.remote!.info();
      return false;
    } catch (err) {
      const status = statusOf(err);
      if (status === 401) return this.refuse({ kind: 'denied' });
      if (status === 403) return this.refuse({ kind: 'forbidden' });
      if (status === 404) return this.refuse({ kind: 'error', reason: 'the server has no database at that address (ask its owner to create it, or turn on couch_peruser)' });
      // Unreachable or offline: keep collecting changes; replication retries by itself.
      this.deps.onState(navigator.onLine ? { kind: 'unreachable', lastSyncedAt: null } : { kind: 'offline', lastSyncedAt: null });
      return false;
    }
  }

  /** A refusal is final for these credentials: the owner (sync-store) stops and forgets them. */
  private refuse(state: SyncState): true {
    this.repl?.cancel();
    this.deps.onState(state);
    return true;
  }

  private startReplication(): void {
    if (this.stopped || !this.local || !this.remote) return;
    this.repl = this.local
      .sync(this.remote, { live: true, retry: true, batch_size: BATCH, back_off_function: (d) => (d === 0 ? 1000 : Math.min(d * 2, 30_000)) })
      .on('active', () => this.deps.onState({ kind: 'syncing' }))
      .on('paused', (err) => (err ? this.failed(err) : void this.confirmSynced()))
      .on('denied', (err) => this.deps.onSkipped({ id: '(upload)', problem: `the server refused a change: ${err.reason ?? 'no reason given'}` }))
      .on('error', (err) => this.failed(err));
  }

  /**
   * Two-way replication reports "paused" both when it caught up and while it waits to retry a
   * server that went away (the error is not always passed on): ask the server before saying "Synced".
   */
  private async confirmSynced(): Promise<void> {
    try {
      await this.remote!.info();
      if (this.stopped) return;
      this.lastSyncedAt = this.deps.now();
      this.deps.onState({ kind: 'synced', at: this.lastSyncedAt });
    } catch (err) {
      if (!this.stopped) this.failed(err as PouchError);
    }
  }

  private restartReplication(): void {
    if (this.stopped) return;
    this.repl?.cancel();
    this.startReplication();
  }

  private failed(err: PouchError): void {
    const status = statusOf(err);
    if (status === 401) this.refuse({ kind: 'denied' });
    else if (status === 403) this.refuse({ kind: 'forbidden' });
    else if (!navigator.onLine) this.deps.onState({ kind: 'offline', lastSyncedAt: this.lastSyncedAt });
    else this.deps.onState({ kind: 'unreachable', lastSyncedAt: this.lastSyncedAt });
  }

  /** Runs jobs one at a time (app → replica and replica → app never interleave). */
  private serial(job: () => Promise<void>): Promise<void> {
    const next = this.chain.then(job, job);
    this.chain = next.catch((err: unknown) => {
      if (!this.stopped) this.deps.onState({ kind: 'error', reason: plainReason(err) });
    });
    return this.chain;
  }

  /** First pass: every app record into the replica, every newer replica record into the app. */
  private async reconcile(): Promise<void> {
    const db = await this.deps.db();
    const now = this.deps.now();
    const records = await readUserRecords(db, this.deps.stores);
    const inApp = new Map(records.map((r) => [docId(r.store, r.key), r]));
    const all = await this.local!.allDocs({ include_docs: true, conflicts: true });
    const toPut: PouchDoc[] = [];
    const toApply: { store: UserStore; key: string; record: Rec | null }[] = [];
    const conflicted: string[] = [];
    for (const row of all.rows) {
      const doc = row.doc;
      if (!doc) continue;
      if (doc._conflicts?.length) conflicted.push(doc._id);
      const mine = inApp.get(doc._id);
      inApp.delete(doc._id);
      const check = readDoc(doc, now, codecFor);
      if (!check.ok || check.deleted) continue;
      if (!mine) {
        toApply.push({ store: check.store, key: check.key, record: check.record });
        this.basedOn.set(doc._id, doc._rev!);
      } else if (sameValue(check.record, mine.value)) {
        this.basedOn.set(doc._id, doc._rev!);
      } else if (changedAt(mine.value, now) >= changedAt(check.record, now)) {
        toPut.push(this.docFor(mine.store, mine.key, mine.value, doc._rev));
      } else {
        toApply.push({ store: check.store, key: check.key, record: check.record });
        this.basedOn.set(doc._id, doc._rev!);
      }
    }
    for (const r of inApp.values()) if (codecFor(r.store)) toPut.push(this.docFor(r.store, r.key, r.value));
    for (let i = 0; i < toPut.length; i += BATCH) {
      const batch = toPut.slice(i, i + BATCH);
      const results = await this.local!.bulkDocs(batch);
      results.forEach((res, j) => res.ok && res.rev && this.basedOn.set(batch[j]!._id, res.rev));
    }
    await this.applyToApp(toApply);
    for (const id of conflicted) await this.resolveConflicts(id);
  }

  private docFor(store: UserStore, key: string, value: Rec, rev?: string): PouchDoc {
    const codec = codecFor(store)!;
    const doc = toDoc(store, key, codec.toJson(value) as Rec, this.deps.device, this.deps.now());
    doc.updatedAt = changedAt(value, this.deps.now());
    return rev ? { ...doc, _rev: rev } : { ...doc };
  }

  private enqueue(writes: readonly UserWrite[]): void {
    for (const w of writes) {
      if (w.origin === 'sync' || !this.deps.stores.includes(w.store) || !codecFor(w.store)) continue;
      this.outgoing.set(docId(w.store, w.key), w);
    }
    if (this.outgoing.size && !this.flushTimer) {
      this.flushTimer = setTimeout(() => {
        this.flushTimer = null;
        void this.serial(() => this.pushOutgoing());
      }, 250);
    }
  }

  /** App writes → replica, each on top of the revision it was based on; merged if that moved on. */
  private async pushOutgoing(): Promise<void> {
    const writes = [...this.outgoing.values()];
    this.outgoing.clear();
    for (let i = 0; i < writes.length; i += BATCH) await this.pushBatch(writes.slice(i, i + BATCH));
  }

  private async pushBatch(writes: UserWrite[]): Promise<void> {
    const ids = writes.map((w) => docId(w.store, w.key));
    const rows = (await this.local!.allDocs({ keys: ids, include_docs: true })).rows;
    const toPut: PouchDoc[] = [];
    const putFor: UserWrite[] = [];
    const toMerge: { w: UserWrite; current: PouchDoc; base: string }[] = [];
    writes.forEach((w, i) => {
      const id = ids[i]!;
      const row = rows[i];
      const current = row?.doc && !row.value?.deleted ? row.doc : null;
      if (w.value === null) {
        if (current) toPut.push({ _id: id, _rev: current._rev, _deleted: true }), putFor.push(w);
        this.basedOn.delete(id);
        return;
      }
      const next = this.docFor(w.store, w.key, w.value as Rec, current?._rev ?? row?.value?.rev);
      if (current && sameValue(current.value, next.value)) return;
      const base = this.basedOn.get(id);
      // The server's version reached the replica but not yet the app: merge, never overwrite.
      if (current && base && current._rev !== base) toMerge.push({ w, current, base });
      else toPut.push(next), putFor.push(w);
    });
    const results = toPut.length ? await this.local!.bulkDocs(toPut) : [];
    results.forEach((res, j) => {
      const doc = toPut[j]!;
      if (res.ok && res.rev) {
        if (!doc._deleted) this.basedOn.set(doc._id, res.rev);
      } else this.enqueue([putFor[j]!]); // replication moved the record meanwhile: try again, merging
    });
    for (const { w, current, base } of toMerge) {
      const merged = await this.mergeWith(w.store, current._id, [w.value as Rec, current], base);
      if (!merged) continue;
      const res = await this.local!.put(this.docFor(w.store, w.key, merged, current._rev));
      this.basedOn.set(current._id, res.rev);
      await this.applyToApp([{ store: w.store, key: w.key, record: merged }]);
    }
  }

  private receive(doc: PouchDoc | null): void {
    if (!doc) return;
    this.inbox.set(doc._id, doc);
    if (!this.inboxTimer) {
      this.inboxTimer = setTimeout(() => {
        this.inboxTimer = null;
        void this.serial(() => this.drainInbox());
      }, 50);
    }
  }

  /** Replica changes (from the server, or our own writes echoing back) → app, those that are new. */
  private async drainInbox(): Promise<void> {
    const docs = [...this.inbox.values()];
    this.inbox.clear();
    const now = this.deps.now();
    const fresh: { doc: PouchDoc; store: UserStore; key: string; record: Rec | null }[] = [];
    for (const doc of docs) {
      if (doc._conflicts?.length) {
        await this.resolveConflicts(doc._id);
        continue;
      }
      if (this.basedOn.get(doc._id) === doc._rev) continue; // our own write, echoing back
      if (this.outgoing.has(doc._id)) continue; // a newer local edit is on its way: it merges from its base
      const check = readDoc(doc, now, codecFor);
      if (!check.ok) {
        if (parseDocId(doc._id)) this.deps.onSkipped({ id: check.id, problem: check.problem });
        continue;
      }
      fresh.push({ doc, store: check.store, key: check.key, record: check.deleted ? null : check.record });
    }
    if (fresh.length === 0) return;
    const current = await readRecords(await this.deps.db(), fresh);
    const changes: { store: UserStore; key: string; record: Rec | null }[] = [];
    fresh.forEach((f, i) => {
      this.basedOn.set(f.doc._id, f.doc._rev!);
      const have = current[i];
      if (f.record === null ? have !== null : !(have && sameValue(have, f.record))) changes.push({ store: f.store, key: f.key, record: f.record });
    });
    await this.applyToApp(changes);
  }

  /** CouchDB kept several revisions of one record: merge them by the app's rules, keep one. */
  private async resolveConflicts(id: string): Promise<void> {
    const where = parseDocId(id);
    if (!where) return;
    const leaves = (await this.local!.get(id, { open_revs: 'all', revs: true })).map((l) => l.ok).filter((d): d is PouchDoc => !!d && !d._deleted);
    if (leaves.length < 2) return;
    const now = this.deps.now();
    const records = leaves.map((l) => readDoc(l, now, codecFor)).flatMap((c) => (c.ok && !c.deleted ? [c.record] : []));
    if (records.length === 0) return;
    const base = await this.commonBase(id, leaves);
    const merged = resolveRecords(where.store, records, base, this.deps.mergeText);
    // Write the merge on the winning revision and delete the others; every device writes the same.
    const [winner, ...losers] = [...leaves].sort((a, b) => revOrder(b._rev!) - revOrder(a._rev!) || (a._rev! < b._rev! ? 1 : -1));
    const doc = { ...this.docFor(where.store, where.key, merged, winner!._rev), device: 'merge' };
    const results = await this.local!.bulkDocs([doc, ...losers.map((l) => ({ _id: id, _rev: l._rev, _deleted: true }))]);
    if (results[0]?.rev) this.basedOn.set(id, results[0].rev);
    await this.applyToApp([{ store: where.store, key: where.key, record: merged }]);
  }

  private async mergeWith(store: UserStore, id: string, leaves: [Rec, PouchDoc], baseRev: string): Promise<Rec | null> {
    const now = this.deps.now();
    const theirs = readDoc(leaves[1], now, codecFor);
    if (!theirs.ok || theirs.deleted) return null;
    const baseDoc = await this.local!.get(id, { rev: baseRev }).catch(() => null);
    const base = baseDoc ? readDoc(baseDoc, now, codecFor) : null;
    return resolveRecords(store, [leaves[0], theirs.record], base?.ok && !base.deleted ? base.record : null, this.deps.mergeText);
  }

  /** The newest revision every leaf descends from, if the replica still has its body. */
  private async commonBase(id: string, leaves: PouchDoc[]): Promise<Rec | null> {
    const paths = leaves.map((l) => (l._revisions ? l._revisions.ids.map((h, i) => `${l._revisions!.start - i}-${h}`) : []));
    const common = paths[0]?.find((rev) => paths.every((p) => p.includes(rev)));
    if (!common) return null;
    const doc = await this.local!.get(id, { rev: common }).catch(() => null);
    const check = doc ? readDoc(doc, this.deps.now(), codecFor) : null;
    return check?.ok && !check.deleted ? check.record : null;
  }

  private async applyToApp(changes: { store: UserStore; key: string; record: Rec | null }[]): Promise<void> {
    if (changes.length === 0) return;
    const db = await this.deps.db();
    for (let i = 0; i < changes.length; i += BATCH) await applySyncedRecords(db, changes.slice(i, i + BATCH));
    await this.deps.onApplied?.(changes);
  }
}

const revOrder = (rev: string): number => Number.parseInt(rev, 10) || 0;

/** A sentence for the status line, never a raw error. */
function plainReason(err: unknown): string {
  const status = statusOf(err);
  if (status === 413) return 'the server refused a record as too large';
  if (err && typeof err === 'object' && 'kind' in err && (err as { kind: unknown }).kind === 'quota') return 'this device is out of storage space';
  return 'something went wrong while saving what came from the server';
}

export type { SyncDoc };
