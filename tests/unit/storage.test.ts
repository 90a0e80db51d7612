import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { syncContent } from '../../sw/content-sync.ts';
import type { ContentStatus } from '../../src/shared/messages.ts';
import { commitContent, getChapter, getInstalled, planUpdate, verifyInstalled } from '../../src/storage/content-repo.ts';
import { closePocketDb, openPocketDb } from '../../src/storage/db.ts';
import { classify, StorageFailure } from '../../src/storage/errors.ts';
import { getProgress, lastRead } from '../../src/storage/progress-repo.ts';
import { saveProgress } from '../../src/storage/progress-writes.ts';
import { fakeFetch, makeGuide } from '../support/guide-fixtures.ts';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(async () => {
  await closePocketDb();
  vi.restoreAllMocks();
});

const ids = ['a', 'b', 'c', 'd'];

describe('planUpdate', () => {
  it('downloads everything on first install', () => {
    const g = makeGuide(ids);
    expect(planUpdate(null, g.manifest)).toEqual({ download: g.manifest.chapters, remove: [], unchanged: 0 });
  });
  it('downloads only chapters whose hash changed, and removes dropped ones', () => {
    const v1 = makeGuide(ids);
    const v2 = makeGuide(['a', 'b', 'c', 'e'], { b: 'Rewritten text of b.' });
    const plan = planUpdate(v1.manifest, v2.manifest);
    expect(plan.download.map((c) => c.id)).toEqual(['b', 'e']);
    expect(plan.remove).toEqual(['d']);
    expect(plan.unchanged).toBe(2);
  });
});

describe('content store', () => {
  it('installs a version: every chapter and the pointer', async () => {
    const db = await openPocketDb();
    const g = makeGuide(ids);
    await commitContent(db, g.manifest, g.payloads, [], 1000);
    expect((await getInstalled(db))?.manifest.version).toBe(g.manifest.version);
    expect((await getChapter(db, 'c'))?.hash).toBe(g.payloads[2]!.hash);
    expect(await verifyInstalled(db)).toBe(true);
  });

  it('refuses a payload that does not match the manifest', async () => {
    const db = await openPocketDb();
    const g = makeGuide(ids);
    const wrong = { ...g.payloads[0]!, hash: 'other' };
    await expect(commitContent(db, g.manifest, [wrong], [])).rejects.toThrow(/does not match the manifest/);
    expect(await getInstalled(db)).toBeNull();
  });

  it('turns a quota error into a named state and keeps the previous version whole', async () => {
    const db = await openPocketDb();
    const v1 = makeGuide(ids);
    await commitContent(db, v1.manifest, v1.payloads, []);
    const v2 = makeGuide(ids, { a: 'New a.', b: 'New b.' });
    let calls = 0;
    const realPut = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'chapters' && ++calls === 2) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return realPut.apply(this, args);
    });
    const err = await commitContent(db, v2.manifest, v2.payloads.slice(0, 2), []).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageFailure);
    expect((err as StorageFailure).kind).toBe('quota');
    vi.restoreAllMocks();
    expect((await getInstalled(db))?.manifest.version).toBe(v1.manifest.version);
    expect((await getChapter(db, 'a'))?.hash).toBe(v1.payloads[0]!.hash);
    expect(await verifyInstalled(db)).toBe(true);
  });

  it('classifies storage errors by name', () => {
    expect(classify(new DOMException('x', 'QuotaExceededError')).kind).toBe('quota');
    expect(classify(new DOMException('x', 'VersionError')).kind).toBe('version');
    expect(classify(new DOMException('The database connection is closing.', 'InvalidStateError')).kind).toBe('closed');
    expect(classify(new DOMException('x', 'SecurityError')).kind).toBe('unavailable');
    expect(classify(new Error('boom')).kind).toBe('unknown');
  });
});

describe('syncContent (the service worker job)', () => {
  const run = async (fetcher: typeof fetch) => {
    const statuses: ContentStatus[] = [];
    const final = await syncContent((s) => statuses.push(s), fetcher);
    return { final, statuses };
  };

  it('installs every chapter on the first visit and reports progress', async () => {
    const g = makeGuide(ids);
    const { fetcher } = fakeFetch(g);
    const { final, statuses } = await run(fetcher);
    expect(final).toEqual({ phase: 'ready', version: g.manifest.version, chapters: 4, updated: false });
    const progress = statuses.filter((s) => s.phase === 'downloading');
    expect(progress.at(-1)).toEqual({ phase: 'downloading', done: 4, total: 4, firstInstall: true });
    expect(await verifyInstalled(await openPocketDb())).toBe(true);
  });

  it('downloads only the changed chapter on a content update, then switches version', async () => {
    const v1 = makeGuide(ids);
    await run(fakeFetch(v1).fetcher);
    const v2 = makeGuide(ids, { c: 'Chapter c, revised.' });
    const f2 = fakeFetch(v2);
    const { final } = await run(f2.fetcher);
    expect(f2.requested).toEqual(['/content/manifest.json', `/content/chapters/c.${v2.payloads[2]!.hash}.json`]);
    expect(final).toMatchObject({ phase: 'ready', version: v2.manifest.version, updated: true });
    const db = await openPocketDb();
    expect((await getChapter(db, 'c'))?.body).toEqual(v2.payloads[2]!.body);
    expect((await getChapter(db, 'c'))?.version).toBe(v2.manifest.version);
  });

  it('keeps the old version whole when an update is interrupted', async () => {
    const v1 = makeGuide(ids);
    await run(fakeFetch(v1).fetcher);
    const v2 = makeGuide(ids, { a: 'New a.', d: 'New d.' });
    const broken = fakeFetch(v2, { failOn: (url) => url.includes('/d.') });
    const { final } = await run(broken.fetcher);
    expect(final).toMatchObject({ phase: 'failed', kind: 'network', version: v1.manifest.version });
    const db = await openPocketDb();
    expect((await getInstalled(db))?.manifest.version).toBe(v1.manifest.version);
    expect((await getChapter(db, 'a'))?.hash).toBe(v1.payloads[0]!.hash);
    expect(await verifyInstalled(db)).toBe(true);
    // The next sync completes the update.
    const { final: again } = await run(fakeFetch(v2).fetcher);
    expect(again).toMatchObject({ phase: 'ready', version: v2.manifest.version });
  });

  it('reports offline with the installed version when the network is gone', async () => {
    const g = makeGuide(ids);
    await run(fakeFetch(g).fetcher);
    const { final } = await run(fakeFetch(g, { failOn: () => true }).fetcher);
    expect(final).toEqual({ phase: 'offline', version: g.manifest.version });
  });

  it('rejects a malformed manifest without touching storage, and never stores a damaged chapter', async () => {
    const bad = (async () => new Response(JSON.stringify({ version: 3 }))) as unknown as typeof fetch;
    const r2 = await run(bad);
    expect(r2.final).toMatchObject({ phase: 'failed', kind: 'invalid' });
    expect(await getInstalled(await openPocketDb())).toBeNull();
    const g = makeGuide(ids);
    const damaged = { manifest: g.manifest, payloads: g.payloads.map((p) => (p.id === 'b' ? { ...p, id: 'zzz' } : p)) };
    const r1 = await run(fakeFetch(damaged).fetcher);
    expect(r1.final).toMatchObject({ phase: 'failed', kind: 'network' });
    expect(await getChapter(await openPocketDb(), 'b')).toBeNull();
  });
});

describe('reading progress', () => {
  it('keeps the furthest point reached and finds the last chapter read', async () => {
    const db = await openPocketDb();
    await saveProgress(db, 'a', 'intro-p3', 0.6, 100);
    await saveProgress(db, 'a', 'intro-p1', 0.2, 200);
    await saveProgress(db, 'b', null, 0.1, 150);
    expect(await getProgress(db, 'a')).toEqual({ chapterId: 'a', anchorId: 'intro-p1', fraction: 0.2, maxFraction: 0.6, updatedAt: 200, seen: [], readAt: null });
    expect((await lastRead(db))?.chapterId).toBe('a');
  });

  it('survives a content update untouched', async () => {
    const db = await openPocketDb();
    await saveProgress(db, 'a', 'intro-p1', 0.5);
    const g = makeGuide(ids);
    await commitContent(db, g.manifest, g.payloads, ['a']);
    expect((await getProgress(db, 'a'))?.fraction).toBe(0.5);
  });
});

describe('a read whose transaction aborts (a full disk closing the connection)', () => {
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
  });
  afterEach(() => closePocketDb());
  it('rejects the read for its caller and leaves no unhandled rejection behind', async () => {
    const db = await openPocketDb();
    const unhandled: unknown[] = [];
    const note = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', note);
    // The next transaction made on this connection is aborted as soon as it is made.
    const raw = (await import('idb')).unwrap(db);
    const make = raw.transaction;
    raw.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
      const tx = make.apply(this, args);
      raw.transaction = make;
      queueMicrotask(() => tx.abort());
      return tx;
    } as IDBDatabase['transaction'];
    await expect(db.get('meta', 'content')).rejects.toMatchObject({ name: 'AbortError' });
    await new Promise((r) => setTimeout(r, 20));
    process.off('unhandledRejection', note);
    expect(unhandled).toEqual([]);
  });
});
