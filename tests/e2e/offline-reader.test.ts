import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContentManifest } from '../../src/shared/content-types.ts';
import { DIST, openApp, type AppSession } from '../support/app-session.ts';
import { PHONE } from '../support/browser.ts';
import { readManifest, withNewWorker, withRevisedChapter } from '../support/dist-variants.ts';
import { installedVersion, waitUntilOffline } from '../support/page-helpers.ts';
import type { TestServer } from '../support/static-server.ts';


describe('the offline reader on a phone (412×915, touch)', () => {
  let app: AppSession;
  let server: TestServer;
  let context: BrowserContext;
  let page: Page;
  let watch: AppSession['watch'];
  const manifest: ContentManifest = readManifest(DIST);
  const goOffline = (offline: boolean) => app.offline(offline);

  beforeAll(async () => {
    app = await openApp(PHONE);
    ({ server, context, page, watch } = app);
  });
  afterAll(() => app?.close());

  it('first visit installs every chapter and shows progress, then "Ready offline"', async () => {
    await page.goto(`${server.url}/`);
    await expect(page.getByRole('heading', { level: 1, name: 'Library' }).waitFor()).resolves.toBeUndefined();
    await waitUntilOffline(page, manifest.chapters.length);
    await page.getByText('Ready offline').waitFor({ timeout: 10_000 });
    const texts = await watch.statusTexts();
    const total = manifest.chapters.length;
    expect(texts.some((t) => new RegExp(`Saving the guide for offline — \\d+ of ${total} chapters`).test(t))).toBe(true);
    expect(await installedVersion(page)).toBe(manifest.version);
  });

  it('with the network off: reloads, opens every chapter and a deep link to a section', async () => {
    await goOffline(true);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
    for (const c of manifest.chapters) {
      await page.goto(`${server.url}/read/${c.id}`);
      const h1 = page.locator('article h1');
      await h1.waitFor({ timeout: 10_000 });
      expect(await h1.textContent()).toBe(c.title);
    }
    const target = manifest.chapters.find((c) => c.outline.length > 3)!;
    const section = target.outline[3]!;
    await page.goto(`${server.url}/read/${target.id}#${section.id}`);
    const heading = page.locator(`[id="${section.id}"]`);
    await heading.waitFor();
    await expect.poll(() => heading.evaluate((el) => Math.round(el.getBoundingClientRect().top))).toBeLessThan(200);
    await expect.poll(() => heading.evaluate((el) => el.getBoundingClientRect().top)).toBeGreaterThanOrEqual(0);
  });

  it('keeps theme and text size after an offline reload', async () => {
    await page.goto(`${server.url}/settings`);
    await page.getByRole('radio', { name: 'Dark' }).check();
    await page.getByRole('button', { name: 'Larger text' }).click();
    await page.getByRole('button', { name: 'Larger text' }).click();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await page.evaluate(() => document.documentElement.style.getPropertyValue('--reader-size'))).toBe('20px');
    expect(await page.getByRole('radio', { name: 'Dark' }).isChecked()).toBe(true);
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe('rgb(22, 24, 28)');
  });

  it('restores the reading position of a chapter, and moves to the next chapter', async () => {
    const c = manifest.chapters.find((x) => x.part === 'cases')!;
    await page.goto(`${server.url}/read/${c.id}`);
    await page.locator('article h1').waitFor();
    const anchor = c.outline[4]!.id;
    await page.locator(`[id="${anchor}"]`).evaluate((el) => el.scrollIntoView());
    await page.waitForTimeout(1200);
    await page.goto(`${server.url}/`);
    await page.getByText('Continue reading').waitFor();
    await page.goto(`${server.url}/read/${c.id}`);
    await page.locator('article h1').waitFor();
    await expect.poll(() => page.locator(`[id="${anchor}"]`).evaluate((el) => Math.abs(el.getBoundingClientRect().top) < 300)).toBe(true);
    await page.getByRole('link', { name: /^Next/ }).click();
    const next = manifest.chapters[manifest.chapters.indexOf(c) + 1]!;
    await expect.poll(() => page.url()).toBe(`${server.url}/read/${next.id}`);
    await expect.poll(() => page.locator('article h1').textContent()).toBe(next.title);
  });

  it('passes Chromium’s installability check and is controlled by the worker', async () => {
    await goOffline(false);
    await page.goto(`${server.url}/`);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: unknown[] };
    expect(installabilityErrors).toEqual([]);
    const manifestRes = (await cdp.send('Page.getAppManifest')) as { errors: unknown[]; url: string };
    expect(manifestRes.errors).toEqual([]);
    // Chromium offers installation (beforeinstallprompt), and the app shows its Install button.
    await page.getByRole('button', { name: 'Install' }).waitFor({ timeout: 15_000 });
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(`${server.url}/sw.js`);
  });

  it('picks up a content update of one chapter without downloading the others again', async () => {
    const target = manifest.chapters[0]!;
    const v2 = withRevisedChapter(DIST, target.id, 'Revised for the second edition.');
    server.setRoot(v2.dir);
    server.requests.length = 0;
    await page.reload();
    await expect.poll(() => installedVersion(page), { timeout: 20_000 }).toBe(v2.manifest.version);
    const content = server.requests.filter((r) => r.startsWith('/content/'));
    expect(content).toEqual(['/content/manifest.json', `/content/chapters/${target.id}.${v2.hash}.json`]);
    await goOffline(true);
    await page.goto(`${server.url}/read/${target.id}`);
    await page.getByText('Revised for the second edition.').waitFor();
    await goOffline(false);
  });

  it('shows the reload prompt for a waiting worker and never takes over by itself', async () => {
    const before = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);
    server.setRoot(withNewWorker(DIST));
    await page.goto(`${server.url}/read/${manifest.chapters[1]!.id}`);
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
    await page.getByText('New version available').waitFor({ timeout: 20_000 });
    await page.waitForTimeout(1500);
    const state = await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      return { waiting: !!reg?.waiting, activeIsController: reg?.active === null ? false : navigator.serviceWorker.controller !== null };
    });
    expect(state.waiting).toBe(true);
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(before);
    const navigated = page.waitForEvent('load');
    await page.getByRole('button', { name: 'Reload' }).click();
    await navigated;
    await expect.poll(() => page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting)).toBe(false);
    await page.locator('article h1').waitFor();
  });

  it('ran under the strict CSP with no violation and no script error', () => {
    expect(watch.violations).toEqual([]);
    expect(watch.errors).toEqual([]);
  });
});
