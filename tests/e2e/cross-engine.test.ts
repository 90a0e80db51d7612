import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST } from '../support/app-session.ts';
import { readManifest } from '../support/dist-variants.ts';
import { engineMissing, openEngine, type EngineName, type EnginePage } from '../support/engines.ts';
import { phrasesOf } from '../support/phrases.ts';
import { startStaticServer, type TestServer } from '../support/static-server.ts';

const CHAPTER = 'evaluate';
const manifest = readManifest(DIST);
const meta = manifest.chapters.find((c) => c.id === CHAPTER)!;
const section = meta.outline.find((o) => o.level === 2 && o.id !== meta.outline[0]?.id)?.id ?? meta.outline[0]!.id;
const [phrase] = phrasesOf(DIST, CHAPTER, 1);
const HOSTILE = 'Keep **this**. <img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';

/** In-page: true once `n` chapters are stored for offline reading. */
const guideSaved = (n: number) =>
  new Promise<boolean>((resolve) => {
    const done = (count: number) => resolve(count === n);
    const req = indexedDB.open('mlsd-pocket');
    req.onsuccess = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains('meta')) return done(0), db.close();
      const tx = db.transaction(['meta', 'chapters']);
      const m = tx.objectStore('meta').get('content');
      const c = tx.objectStore('chapters').count();
      tx.oncomplete = () => (done(m.result ? c.result : 0), db.close());
    };
    req.onerror = () => done(-1);
  });

/** In-page: clicks the button or link whose accessible name is `name` (exactly). */
const clickNamed = (name: string) => {
  const nameOf = (e: HTMLElement) => {
    const label = e.getAttribute('aria-label');
    if (label) return label.trim();
    const copy = e.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('[aria-hidden="true"]').forEach((h) => h.remove());
    return (copy.textContent ?? '').trim();
  };
  const el = [...document.querySelectorAll<HTMLElement>('button, a, [role="button"], label')].find((e) => nameOf(e) === name && !(e as HTMLButtonElement).disabled);
  if (!el) return false;
  el.click();
  return true;
};

describe.each<EngineName>(['webkit', 'firefox'])('%s: the offline path, highlights and backups', (engine) => {
  let server: TestServer;
  let page: EnginePage;
  let dir: string;

  beforeAll(async () => {
    const missing = engineMissing(engine);
    if (missing) throw new Error(`${engine} cannot start here: ${missing}. .ci/run installs it.`);
    server = await startStaticServer(DIST);
    page = await openEngine(engine);
    dir = mkdtempSync(join(tmpdir(), `mlsd-${engine}-`));
  }, 240_000);
  afterAll(async () => {
    await page?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('saves the whole guide on the first visit', async () => {
    await page.goto(`${server.url}/`);
    await page.until(() => !!navigator.serviceWorker?.controller, null, 60_000, 'the service worker to take control');
    await page.until(guideSaved, manifest.chapters.length, 120_000, 'the guide to be saved');
  }, 240_000);

  it('opens the library, a chapter and a deep link with the server gone', async () => {
    server.setOffline(true);
    await page.goto(`${server.url}/`);
    await page.until(() => document.querySelectorAll('main a[href^="/read/"]').length > 10, null, 30_000, 'the library');
    await page.goto(`${server.url}/read/${CHAPTER}`);
    await page.until((t) => document.querySelector('article h1')?.textContent === t, meta.title, 30_000, 'the chapter');
    await page.goto(`${server.url}/read/${CHAPTER}#${section}`);
    await page.until((id) => {
      const el = document.getElementById(id);
      return !!el && Math.abs(el.getBoundingClientRect().top) < innerHeight;
    }, section, 30_000, 'the section of the deep link');
  }, 120_000);

  it('leaves reading progress free for the next page after leaving a chapter mid-scroll', async () => {
    // Stored by this page (an earlier test left a position too).
    const storedByThisPage = (id: string) =>
      new Promise<boolean>((resolve) => {
        const req = indexedDB.open('mlsd-pocket');
        req.onsuccess = () => {
          const got = req.result.transaction('progress').objectStore('progress').get(id);
          got.onsuccess = () => (resolve((got.result?.updatedAt ?? 0) > performance.timeOrigin), req.result.close());
        };
      });
    await page.goto(`${server.url}/read/${CHAPTER}`);
    await page.until(() => !!document.querySelector('article h1'), null, 30_000, 'the chapter');
    // Position tracking runs once this page has stored its first position.
    await page.until(storedByThisPage, CHAPTER, 30_000, 'the first reading position of this page');
    // Halfway down, then away at once: the position is written as the page goes.
    await page.run(
      () =>
        new Promise<void>((resolve) => {
          // At once (the page may scroll smoothly), then two frames: the reader has measured it.
          scrollTo({ top: document.documentElement.scrollHeight / 2, behavior: 'instant' });
          requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
        }),
      null,
    );
    await page.goto(`${server.url}/settings`);
    await page.until(() => !!document.querySelector('h1'), null, 30_000, 'Settings');
    // A write that waited for the page to run again (WebKit freezes a page into the back/forward
    // cache) would hold the store: this page's read and write of it would never answer.
    const answer = await page.run(
      (id) =>
        new Promise<string>((resolve) => {
          setTimeout(() => resolve('no answer in 10 s'), 10_000);
          const req = indexedDB.open('mlsd-pocket');
          req.onsuccess = () => {
            const db = req.result;
            const tx = db.transaction('progress', 'readwrite');
            const got = tx.objectStore('progress').get(id);
            got.onsuccess = () => got.result && tx.objectStore('progress').put(got.result);
            tx.oncomplete = () => (db.close(), resolve(got.result ? `fraction ${got.result.fraction > 0.3 ? 'past 0.3' : got.result.fraction}` : 'no record'));
            tx.onabort = () => resolve(`aborted: ${String(tx.error)}`);
          };
        }),
      CHAPTER,
    );
    // Whether the very last position lands as the page goes is the engine's call: WebKit starts a
    // transaction only once storage answers, so it waits in the cached page until that is shown
    // again, and Firefox once kept the earlier position in CI. What must hold everywhere: the store
    // answers, and this chapter's position is there (the unit tests check the write itself).
    expect(answer).toMatch(/^fraction /);
  }, 120_000);

  it('keeps the theme and the text size after a reload', async () => {
    await page.goto(`${server.url}/settings`);
    await page.until(() => !!document.querySelector('h1'), null, 30_000, 'Settings');
    const before = await page.run(() => getComputedStyle(document.documentElement).getPropertyValue('--reader-size'), null);
    expect(await page.run(clickNamed, 'Dark')).toBe(true);
    expect(await page.run(clickNamed, 'Larger text')).toBe(true);
    await page.goto(`${server.url}/settings`);
    await page.until(() => document.documentElement.dataset.scheme === 'dark', null, 30_000, 'the dark theme after a reload');
    const after = await page.run(() => getComputedStyle(document.documentElement).getPropertyValue('--reader-size'), null);
    expect(parseFloat(after)).toBeGreaterThan(parseFloat(before));
  }, 120_000);

  it('highlights a passage with a note, and both survive an offline reload with the note sanitized', async () => {
    await page.goto(`${server.url}/read/${CHAPTER}`);
    await page.until(() => !!document.querySelector('article h1'), null, 30_000, 'the chapter');
    const selected = await page.run((p) => {
      for (const el of document.querySelectorAll('article p')) {
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
          const i = n.data.indexOf(p);
          if (i < 0) continue;
          el.scrollIntoView({ block: 'center' });
          getSelection()!.setBaseAndExtent(n, i, n, i + p.length);
          document.dispatchEvent(new Event('selectionchange'));
          el.dispatchEvent(new PointerEvent('pointerup', { bubbles: true }));
          return getSelection()!.toString();
        }
      }
      return '';
    }, phrase!);
    expect(selected).toBe(phrase);
    await page.until(() => !!document.querySelector('[role="toolbar"]'), null, 15_000, 'the selection toolbar');
    expect(await page.run(clickNamed, 'Add note')).toBe(true);
    await page.until(() => !!document.querySelector('textarea'), null, 15_000, 'the note editor');
    await page.run((text) => {
      const ta = document.querySelector('textarea')!;
      ta.value = text;
      ta.dispatchEvent(new Event('input', { bubbles: true }));
    }, HOSTILE);
    await new Promise((r) => setTimeout(r, 800));
    expect(await page.run(clickNamed, 'Done')).toBe(true);

    await page.goto(`${server.url}/read/${CHAPTER}`);
    await page.until((p) => [...document.querySelectorAll('mark.hl')].map((m) => m.textContent).join('') === p, phrase!, 30_000, 'the highlight after a reload');
    await page.run(() => (document.querySelector('mark.hl') as HTMLElement).click(), null);
    await page.until(() => !!document.querySelector('textarea'), null, 15_000, 'the highlight panel');
    expect(await page.run(clickNamed, 'Preview')).toBe(true);
    await page.until(() => document.querySelector('.note-preview strong')?.textContent === 'this', null, 15_000, 'the note rendered');
    const unsafe = await page.run(
      () => ({ pwned: (window as unknown as { __pwned?: number }).__pwned ?? null, handlers: document.querySelectorAll('.note-preview [onerror], .note-preview script').length }),
      null,
    );
    expect(unsafe).toEqual({ pwned: null, handlers: 0 });
    await page.run(clickNamed, 'Done');
  }, 120_000);

  it('exports a JSON backup and imports it back into an emptied database', async () => {
    await page.goto(`${server.url}/notebook`);
    await page.until(() => !!document.querySelector('h1'), null, 30_000, 'the Notebook');
    // Capture the file the app hands to the browser's download.
    await page.run(() => {
      const w = window as unknown as { __blobs: Blob[] };
      w.__blobs = [];
      const make = URL.createObjectURL.bind(URL);
      URL.createObjectURL = (b: Blob | MediaSource) => (b instanceof Blob && w.__blobs.push(b), make(b));
    }, null);
    await page.until(clickNamed, 'Export backup (JSON)', 15_000, 'the export button');
    await page.until(() => (window as unknown as { __blobs: Blob[] }).__blobs.length > 0, null, 15_000, 'the exported file');
    const json = await page.run(async () => (window as unknown as { __blobs: Blob[] }).__blobs[0]!.text(), null);
    expect(json).toContain(phrase);
    const file = join(dir, 'backup.json');
    writeFileSync(file, json);

    await page.run(
      () =>
        new Promise<void>((resolve) => {
          const req = indexedDB.open('mlsd-pocket');
          req.onsuccess = () => {
            const tx = req.result.transaction('annotations', 'readwrite');
            tx.objectStore('annotations').clear();
            tx.oncomplete = () => (req.result.close(), resolve());
          };
        }),
      null,
    );
    await page.upload('input[type="file"]', file);
    await page.until(() => /Imported 1 new/.test(document.body.textContent ?? ''), null, 30_000, 'the import result');
  }, 120_000);

  it('grades a card in Review offline, and the grade is stored', async () => {
    await page.goto(`${server.url}/review`);
    await page.until(clickNamed, 'Show answer', 60_000, 'a card to review');
    await page.until(clickNamed, 'Good', 15_000, 'the grades');
    await page.until(
      () =>
        new Promise<boolean>((resolve) => {
          const req = indexedDB.open('mlsd-pocket');
          req.onsuccess = () => {
            const c = req.result.transaction('reviews').objectStore('reviews').count();
            c.onsuccess = () => (resolve(c.result === 1), req.result.close());
          };
        }),
      null,
      15_000,
      'the grade in the review log',
    );
  }, 120_000);

  it('finds a passage with search offline', async () => {
    await page.goto(`${server.url}/search?q=hnsw`);
    await page.until(() => [...document.querySelectorAll('a.search-hit')].some((a) => a.getAttribute('href')?.startsWith('/read/embeddings')), null, 60_000, 'a result in the embeddings chapter');
    const marked = await page.run(() => document.querySelectorAll('a.search-hit mark').length, null);
    expect(marked).toBeGreaterThan(0);
  }, 120_000);

  it('offers the install how-to where the browser has no install prompt', async () => {
    await page.goto(`${server.url}/settings`);
    await page.until(() => !!document.querySelector('#install-h'), null, 30_000, 'Settings');
    const text = await page.run(() => document.querySelector('#install-h')?.parentElement?.textContent ?? '', null);
    expect(text).toMatch(/Add to Home Screen|browser’s menu/);
    // WebKit deletes a website's data after 7 days unused unless it is installed: the user is told.
    const storage = await page.run(() => document.querySelector('#offline-h')?.parentElement?.textContent ?? '', null);
    if (engine === 'webkit') expect(storage).toMatch(/deleted after 7 days/);
    else expect(storage).not.toMatch(/deleted after 7 days/);
  }, 60_000);
});
