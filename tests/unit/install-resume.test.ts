import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { syncContent } from '../../sw/content-sync.ts';
import { planInstall } from '../../sw/install-plan.ts';
import type { ContentStatus } from '../../src/shared/messages.ts';
import { getChapter, getInstalled, storedChapterIds, verifyInstalled } from '../../src/storage/content-repo.ts';
import { closePocketDb, openPocketDb } from '../../src/storage/db.ts';
import { fakeFetch, makeGuide } from '../support/guide-fixtures.ts';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(() => closePocketDb());

const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];
const run = async (fetcher: typeof fetch) => {
  const statuses: ContentStatus[] = [];
  const final = await syncContent((s) => statuses.push(s), fetcher);
  return { final, statuses };
};

describe('planInstall (pure)', () => {
  const v1 = makeGuide(['a', 'b', 'c']).manifest;
  const v2 = makeGuide(['a', 'b', 'c'], { b: 'New b.' }).manifest;
  it('first save: everything, chapter by chapter', () => {
    expect(planInstall(null, new Set(), v1)).toMatchObject({ mode: 'progressive', remove: [], kept: 0 });
    expect(planInstall(null, new Set(), v1).download.map((c) => c.id)).toEqual(['a', 'b', 'c']);
  });
  it('a save that stopped resumes with what is missing', () => {
    const p = planInstall(v1, new Set(['a']), v1);
    expect(p).toMatchObject({ mode: 'progressive', kept: 1, remove: [] });
    expect(p.download.map((c) => c.id)).toEqual(['b', 'c']);
  });
  it('a complete, current guide needs nothing; a complete older one updates atomically', () => {
    expect(planInstall(v1, new Set(['a', 'b', 'c']), v1).mode).toBe('none');
    const p = planInstall(v1, new Set(['a', 'b', 'c']), v2);
    expect(p).toMatchObject({ mode: 'atomic', remove: [] });
    expect(planInstall(v1, new Set(['a', 'b', 'c']), makeGuide(['a', 'b']).manifest).remove).toEqual(['c']);
    expect(p.download.map((c) => c.id)).toEqual(['b']);
  });
  it('a partial guide meeting a new version drops only the chapters that changed', () => {
    const p = planInstall(v1, new Set(['a', 'b']), v2);
    expect(p.mode).toBe('progressive');
    expect(p.remove).toEqual(['b']);
    expect(p.download.map((c) => c.id)).toEqual(['b', 'c']);
  });
});

describe('an interrupted first save', () => {
  it('keeps the chapters already saved, says how many in plain words, and resumes where it stopped', async () => {
    const g = makeGuide(ids);
    let served = 0;
    const cut = fakeFetch(g, { failOn: (url) => url.includes('/chapters/') && ++served > 4 });
    const { final } = await run(cut.fetcher);
    expect(final.phase).toBe('failed');
    const message = (final as { message: string }).message;
    expect(message).toMatch(/^Saving the guide paused \(the connection dropped\)\. 4 of 10 chapters are on this device; the rest will be saved when you are back online\.$/);
    expect(message).not.toMatch(/Failed to fetch|TypeError/);
    const db = await openPocketDb();
    expect((await getInstalled(db))?.manifest.version).toBe(g.manifest.version);
    const kept = await storedChapterIds(db);
    expect(kept.size).toBe(4);
    for (const id of kept) expect((await getChapter(db, id))?.hash).toBe(g.manifest.chapters.find((c) => c.id === id)?.hash);

    // Offline at the next launch: the same plain sentence, nothing lost.
    const off = await run(fakeFetch(g, { failOn: () => true }).fetcher);
    expect(off.final).toMatchObject({ phase: 'failed', kind: 'network' });
    expect((off.final as { message: string }).message).toContain('4 of 10 chapters are on this device');

    // Back online: only the six missing chapters are fetched.
    const resume = fakeFetch(g);
    const { final: done, statuses } = await run(resume.fetcher);
    expect(done).toEqual({ phase: 'ready', version: g.manifest.version, chapters: 10, updated: false });
    expect(resume.requested.filter((u) => u.includes('/chapters/'))).toHaveLength(6);
    expect(statuses.find((s) => s.phase === 'downloading')).toEqual({ phase: 'downloading', done: 4, total: 10, firstInstall: true });
    expect(await verifyInstalled(db)).toBe(true);
  });
});
