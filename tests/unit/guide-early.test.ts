import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { IDBFactory } from 'fake-indexeddb';
import { shippedClassicScript } from '../../src/content/build/classic-scripts-plugin.ts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadManifest } from '../../src/content/loader.ts';
import type { ContentManifest } from '../../src/shared/content-types.ts';
import { commitContent } from '../../src/storage/content-repo.ts';
import { closePocketDb, openPocketDb } from '../../src/storage/db.ts';

// What ships: the file as the build emits it (comments left out).
const script = shippedClassicScript(readFileSync(resolve(import.meta.dirname, '../../src/content/guide-early.js'), 'utf8'));
const MANIFEST = { version: 'v1', chapters: [{ id: 'intro', hash: 'h1', title: 'Intro', part: 'start', order: 0, outline: [] }] } as unknown as ContentManifest;

/** A localStorage of a Map, as much of it as the code uses. */
function storage(entries: Record<string, string> = {}) {
  const m = new Map(Object.entries(entries));
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k), map: m };
}

describe('guide-early.js (the guide index fetched from <head> on a first visit)', () => {
  const run = (stored: Record<string, string>) => {
    const fetch = vi.fn(() => Promise.resolve({ ok: true, json: () => Promise.resolve(MANIFEST) }));
    const window: Record<string, unknown> = { fetch };
    runInNewContext(script, { window, fetch, localStorage: storage(stored) });
    return { fetch, window };
  };
  it('starts fetching the index when the guide is not saved here', async () => {
    const { fetch, window } = run({});
    expect(fetch).toHaveBeenCalledWith('/content/manifest.json');
    expect(await (window.__mlsdGuideIndex as Promise<unknown>)).toEqual(MANIFEST);
  });
  it('does nothing once the guide is saved', () => {
    const { fetch, window } = run({ 'mlsd-pocket:guide-saved': '1' });
    expect(fetch).not.toHaveBeenCalled();
    expect(window.__mlsdGuideIndex).toBeUndefined();
  });
});

describe('loadManifest and the early fetch', () => {
  let ls: ReturnType<typeof storage>;
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
    ls = storage();
    vi.stubGlobal('localStorage', ls);
  });
  afterEach(async () => {
    vi.unstubAllGlobals();
    delete (globalThis as { __mlsdGuideIndex?: unknown }).__mlsdGuideIndex;
    await closePocketDb();
  });

  it('takes the index fetched early on a first visit, without fetching it again', async () => {
    const fetch = vi.fn(() => Promise.reject(new Error('not expected')));
    vi.stubGlobal('fetch', fetch);
    (globalThis as { __mlsdGuideIndex?: unknown }).__mlsdGuideIndex = Promise.resolve(MANIFEST);
    expect(await loadManifest()).toEqual({ manifest: MANIFEST, source: 'network' });
    expect(fetch).not.toHaveBeenCalled();
    expect(ls.map.has('mlsd-pocket:guide-saved')).toBe(false);
  });

  it('fetches itself when the early fetch failed', async () => {
    const fetch = vi.fn(() => Promise.resolve({ ok: true, json: () => Promise.resolve(MANIFEST) }));
    vi.stubGlobal('fetch', fetch);
    (globalThis as { __mlsdGuideIndex?: unknown }).__mlsdGuideIndex = Promise.resolve(null);
    expect((await loadManifest()).manifest).toEqual(MANIFEST);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('notes once that the guide is saved, and still fetches the index when the database lost it', async () => {
    await commitContent(await openPocketDb(), MANIFEST, [], []);
    const writes = vi.spyOn(ls, 'setItem');
    expect((await loadManifest()).source).toBe('offline');
    expect((await loadManifest()).source).toBe('offline');
    expect(ls.map.get('mlsd-pocket:guide-saved')).toBe('1');
    // Written once, not on every launch (a write on a full disk can cost the other settings).
    expect(writes).toHaveBeenCalledTimes(1);
    await closePocketDb();
    globalThis.indexedDB = new IDBFactory();
    const fetch = vi.fn(() => Promise.resolve({ ok: true, json: () => Promise.resolve(MANIFEST) }));
    vi.stubGlobal('fetch', fetch);
    expect((await loadManifest()).source).toBe('network');
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(writes).toHaveBeenCalledTimes(1);
  });
});
