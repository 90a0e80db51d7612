import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chapterUrl } from '../../src/shared/content-types.ts';
import { DIST, openApp, type AppSession } from '../support/app-session.ts';
import { PHONE, TABLET } from '../support/browser.ts';
import { readManifest } from '../support/dist-variants.ts';
import { waitUntilOffline } from '../support/page-helpers.ts';
import { startStaticServer } from '../support/static-server.ts';

const manifest = readManifest(DIST);
const SAVED = 8;

/** A copy of the build from which every chapter after the first eight is missing: the first save stops there. */
function cutAfter(n: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'mlsd-dist-cut-'));
  cpSync(DIST, dir, { recursive: true });
  for (const c of manifest.chapters.slice(n)) rmSync(join(dir, chapterUrl(c.id, c.hash)));
  return dir;
}

/** A copy of the build without the guide at all (its index is missing). */
function withoutGuide(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mlsd-dist-noguide-'));
  cpSync(DIST, dir, { recursive: true });
  rmSync(join(dir, 'content/manifest.json'));
  return dir;
}

const RAW = /Failed to fetch|TypeError|NetworkError|HTTP \d{3}|net::/;

for (const [name, profile] of [['phone', PHONE], ['tablet', TABLET]] as const) {
  describe(`first visit and launches (${name})`, () => {
    let app: AppSession;
    const dirs: string[] = [];
    beforeAll(async () => {
      app = await openApp(profile);
    });
    afterAll(async () => {
      await app?.close();
      dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
    });

    it('an interrupted first save keeps what was saved, says so plainly, and resumes where it stopped', async () => {
      const { page, server, watch } = app;
      const cut = cutAfter(SAVED);
      dirs.push(cut);
      server.setRoot(cut);
      await page.goto(`${server.url}/`);
      const total = manifest.chapters.length;
      await page.getByText(`${SAVED} of ${total} chapters are on this device`, { exact: false }).first().waitFor({ timeout: 30_000 });
      expect(await page.evaluate(() => storedChapters())).toBe(SAVED);

      // Offline: the saved chapters open; one not saved yet says so in plain words.
      await app.offline(true);
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
      await page.locator('.saved-notice').waitFor();
      await page.goto(`${server.url}/read/${manifest.chapters[1]!.id}`);
      await page.locator('article h1').waitFor();
      expect(await page.locator('article h1').textContent()).toBe(manifest.chapters[1]!.title);
      await page.goto(`${server.url}/read/${manifest.chapters[SAVED + 2]!.id}`);
      await page.getByText('This chapter is not saved on this device yet').waitFor();
      expect(await page.locator('body').innerText()).not.toMatch(RAW);
      for (const t of await watch.statusTexts()) expect(t).not.toMatch(RAW);

      // Back online: only what is missing is fetched, with the count going on from eight.
      await app.offline(false);
      server.setRoot(DIST);
      const before = server.requests.length;
      await page.goto(`${server.url}/`);
      await waitUntilOffline(page, total);
      const fetched = server.requests.slice(before).filter((r) => r.startsWith('/content/chapters/'));
      expect(fetched).toHaveLength(total - SAVED);
      await page.getByText('Ready offline').waitFor({ timeout: 10_000 });
      // The count went on from what was saved (never from zero).
      const counts = (await watch.statusTexts()).map((t) => new RegExp(`Saving the guide for offline — (\\d+) of ${total} chapters`).exec(t)?.[1]).filter(Boolean).map(Number);
      expect(counts.length).toBeGreaterThan(0);
      expect(Math.min(...counts)).toBeGreaterThanOrEqual(SAVED);
      expect(await page.locator('.saved-notice').count()).toBe(0);
    });

    it('"Ready offline" does not come back on a launch where nothing was saved', async () => {
      const { page, server, watch } = app;
      const before = server.requests.length;
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
      await page.waitForTimeout(2500);
      expect((await watch.statusTexts()).filter((t) => t.includes('Ready offline'))).toEqual([]);
      expect(await page.locator('.status').innerText()).toBe('');
      expect(server.requests.slice(before).filter((r) => r.startsWith('/content/chapters/'))).toEqual([]);
    });

    it('applies the dark theme before the first paint', async () => {
      const { page, server } = app;
      await page.goto(`${server.url}/settings`);
      await page.getByRole('radio', { name: 'Dark' }).check();
      await page.addInitScript(() => {
        document.addEventListener('readystatechange', () => {
          if (document.readyState !== 'interactive') return;
          const w = window as unknown as { __atParse: { scheme?: string; bg: string; app: number } };
          // Before any module script ran: the app has not rendered yet.
          w.__atParse = { scheme: document.documentElement.dataset.scheme, bg: '', app: document.getElementById('app')!.childElementCount };
          // The first frame the browser paints: the page's background by then.
          requestAnimationFrame(() => (w.__atParse.bg = getComputedStyle(document.body).backgroundColor));
        });
      });
      await page.goto(`${server.url}/read/${manifest.chapters[0]!.id}`);
      await page.locator('article h1').waitFor();
      const at = await page.evaluate(() => (window as unknown as { __atParse: unknown }).__atParse);
      expect(JSON.stringify(at)).toBe(JSON.stringify({ scheme: 'dark', bg: 'rgb(22, 24, 28)', app: 0 }));
      await page.getByRole('link', { name: 'Settings' }).click();
      await page.getByRole('radio', { name: 'System' }).check();
    });

    it('opens Settings and the Notebook without the guide, and never shows a raw error', async () => {
      const bare = await openApp(profile);
      try {
        const dir = withoutGuide();
        dirs.push(dir);
        bare.server.setRoot(dir);
        await bare.page.goto(`${bare.server.url}/`);
        await bare.page.getByRole('heading', { level: 1, name: 'The guide is not on this device yet' }).waitFor();
        await bare.page.goto(`${bare.server.url}/settings`);
        await bare.page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
        await bare.page.getByText('Not on this device yet').waitFor();
        await bare.page.goto(`${bare.server.url}/notebook`);
        await bare.page.getByRole('heading', { level: 1, name: 'Notebook' }).waitFor();
        expect(await bare.page.locator('body').innerText()).not.toMatch(RAW);
        await bare.page.goto(`${bare.server.url}/`);
        await bare.page.getByRole('heading', { level: 1, name: 'The guide is not on this device yet' }).waitFor();
        expect(await bare.page.locator('body').innerText()).not.toMatch(RAW);
        expect(bare.watch.errors).toEqual([]);
      } finally {
        await bare.close();
      }
    });

    it('ran with no CSP violation and no script error', () => {
      expect(app.watch.violations).toEqual([]);
      expect(app.watch.errors).toEqual([]);
    });
  });
}

describe('first visit: the library holds still while the guide is saved (phone)', () => {
  it('claims no chapter is missing while it is being saved, and nothing on the page shifts', async () => {
    const app = await openApp(PHONE);
    try {
      // From the first byte: layout shifts add up (as CLS counts them), and whether a "missing" claim ever showed.
      await app.page.context().addInitScript({
        content: `window.__shift = 0; window.__claimed = '';
          new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__shift += e.value; }).observe({ type: 'layout-shift', buffered: true });
          new MutationObserver(() => {
            const t = document.querySelector('main')?.textContent ?? '';
            const m = t.match(/\\d+ of \\d+ chapters are on this device|Not on this device yet/);
            if (m && !window.__claimed) window.__claimed = m[0];
          }).observe(document, { subtree: true, childList: true, characterData: true });`,
      });
      await app.page.goto(`${app.server.url}/`);
      await app.page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
      await waitUntilOffline(app.page, manifest.chapters.length);
      await app.page.getByText('Ready offline', { exact: false }).first().waitFor();
      const { shift, claimed } = await app.page.evaluate(() => ({ shift: (window as unknown as { __shift: number }).__shift, claimed: (window as unknown as { __claimed: string }).__claimed }));
      expect(claimed).toBe('');
      expect(shift).toBeLessThan(0.05);
    } finally {
      await app.close();
    }
  }, 120_000);
});

describe('what a host serves beside the app', () => {
  it('has a robots.txt of its own (a host with a fallback to the app would otherwise answer it with index.html)', async () => {
    const server = await startStaticServer(DIST);
    try {
      const res = await fetch(`${server.url}/robots.txt`);
      expect(res.status).toBe(200);
      expect(await res.text()).toMatch(/^User-agent: \*\nAllow: \/\n$/);
    } finally {
      await server.close();
    }
  });
});

declare function storedChapters(): Promise<number>;
