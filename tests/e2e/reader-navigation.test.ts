import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, openApp, type AppSession } from '../support/app-session.ts';
import { PHONE, TABLET } from '../support/browser.ts';
import { chapterComplete } from '../support/chapter-ready.ts';
import { readManifest } from '../support/dist-variants.ts';

const manifest = readManifest(DIST);
const longCase = [...manifest.chapters].filter((c) => c.part === 'cases').sort((a, b) => b.words - a.words)[0]!;
const glossary = manifest.chapters.find((c) => c.part === 'glossary')!;

/** Scrolls down to `y`, then up a little, as a reader does to bring the bars back. */
async function scrollDownThenUp(page: Page, y: number): Promise<void> {
  await page.evaluate((y) => scrollTo(0, y), y);
  await page.waitForTimeout(250);
  await page.evaluate((y) => scrollTo(0, y - 160), y);
  await page.waitForTimeout(400);
}

const box = (page: Page, sel: string) => page.locator(sel).first().evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect);

for (const [name, profile] of [['phone', PHONE], ['tablet', TABLET]] as const) {
  describe(`navigation and progress in a chapter (${name})`, () => {
    let app: AppSession;
    let page: Page;
    let url: string;
    beforeAll(async () => {
      app = await openApp(profile, { install: true });
      page = app.page;
      url = app.server.url;
    });
    afterAll(() => app?.close());

    it('brings back a bar with the chapter title, the current section and the contents from deep in a long chapter', async () => {
      await page.goto(`${url}/read/${longCase.id}`);
      await page.locator('article h1').waitFor();
      await chapterComplete(page);
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      expect(height).toBeGreaterThan(8000);
      // Reading down hides the bars; only the progress line stays.
      await page.evaluate(() => scrollTo(0, 3000));
      await page.waitForTimeout(150);
      await page.evaluate(() => scrollTo(0, 6000));
      await expect.poll(() => page.locator('.reader-bar').evaluate((el) => getComputedStyle(el).visibility)).toBe('hidden');
      await scrollDownThenUp(page, Math.round(height * 0.6));
      const bar = page.locator('.reader-bar');
      await expect.poll(() => bar.evaluate((el) => el.getBoundingClientRect().top)).toBeGreaterThanOrEqual(50);
      expect(await bar.evaluate((el) => getComputedStyle(el).visibility)).toBe('visible');
      expect(await bar.locator('.rb-title').textContent()).toBe(longCase.title);
      const section = await bar.locator('.rb-section').textContent();
      expect(longCase.outline.map((o) => o.title)).toContain(section);
      const scale = await page.locator('.progress-line span').evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a);
      expect(scale).toBeGreaterThan(0.4);
      expect(scale).toBeLessThan(0.8);
      const contents = bar.getByRole('button', { name: name === 'phone' ? 'Contents' : 'Show contents' });
      await contents.tap();
      const sections = page.getByRole('navigation', { name: 'Sections of this chapter' });
      await expect.poll(() => sections.isVisible()).toBe(true);
      // The current section is marked and in view inside the outline.
      const current = sections.locator('[aria-current="location"]');
      await expect.poll(() => current.count()).toBe(1);
      const [c, side] = await Promise.all([current.evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect), box(page, '.side')]);
      expect(c.top).toBeGreaterThanOrEqual(side.top);
      expect(c.bottom).toBeLessThanOrEqual(side.bottom);
      if (name === 'phone') await page.getByRole('button', { name: 'Close contents' }).tap();
    });

    if (name === 'tablet') {
      it('lets the outline pane be hidden and shown, remembers it, and leaves no gap when the top bar hides', async () => {
        const pane = page.getByRole('navigation', { name: 'Sections of this chapter' });
        expect(await pane.isVisible()).toBe(true);
        await page.reload();
        await page.locator('article h1').waitFor();
        await chapterComplete(page);
        expect(await pane.isVisible()).toBe(true);
        const narrow = (await box(page, 'article')).width;
        await page.evaluate(() => scrollTo(0, 4000));
        await page.waitForTimeout(150);
        await page.evaluate(() => scrollTo(0, 6000));
        await expect.poll(async () => Math.round((await box(page, '.side')).top)).toBe(0);
        await scrollDownThenUp(page, 6000);
        await page.getByRole('button', { name: 'Hide contents' }).tap();
        await expect.poll(() => pane.isVisible()).toBe(false);
        expect((await box(page, 'article')).width).toBeGreaterThan(narrow + 100);
        await page.reload();
        await page.locator('article h1').waitFor();
        await chapterComplete(page);
        expect(await pane.isVisible()).toBe(false);
        await scrollDownThenUp(page, 6000);
        await page.getByRole('button', { name: 'Show contents' }).tap();
        await expect.poll(() => pane.isVisible()).toBe(true);
      });
    }

    it('does not call a chapter read for scrolling to its end; "Mark as read" does, and "Mark as unread" undoes it', async () => {
      const chapter = manifest.chapters.find((c) => c.part === 'framework')!;
      await page.goto(`${url}/read/${chapter.id}`);
      await page.locator('article h1').waitFor();
      await chapterComplete(page);
      await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
      await page.waitForTimeout(1200);
      await page.goto(`${url}/`);
      const progress = page.locator('.guide-progress');
      await progress.getByText(/^0 of \d+ chapters read/).waitFor({ timeout: 8000 }).catch(async (e) => {
        await page.screenshot({ path: `/tmp/reader-nav-${name}-fail.png` });
        throw e;
      });
      await page.goto(`${url}/read/${chapter.id}`);
      await page.locator('article h1').waitFor();
      await chapterComplete(page);
      const mark = page.getByRole('button', { name: 'Mark as read' });
      await mark.scrollIntoViewIfNeeded();
      await mark.tap();
      await page.getByRole('button', { name: 'Mark as unread' }).waitFor();
      await page.goto(`${url}/`);
      await progress.getByText(/^1 of \d+ chapters read · \d/).waitFor();
      const tile = page.locator('.chapter-link', { hasText: chapter.title });
      expect(await tile.locator('.meta:not(.learned)').textContent()).toContain('Read');
      await page.goto(`${url}/read/${chapter.id}`);
      const unmark = page.getByRole('button', { name: 'Mark as unread' });
      await unmark.scrollIntoViewIfNeeded();
      await unmark.tap();
      await page.getByRole('button', { name: 'Mark as read' }).waitFor();
      await page.goto(`${url}/`);
      await progress.getByText(/^0 of \d+ chapters read/).waitFor();
    });

    it('never lets a glossary look-up take over "Continue reading", and filters the library by part', async () => {
      await page.goto(`${url}/read/${longCase.id}`);
      await page.locator('article h1').waitFor();
      await chapterComplete(page);
      await page.evaluate(() => scrollTo(0, 2000));
      await page.waitForTimeout(900);
      await page.goto(`${url}/read/${glossary.id}#${glossary.outline[3]!.id}`);
      await page.locator('article h1').waitFor();
      await chapterComplete(page);
      await page.waitForTimeout(900);
      await page.goto(`${url}/`);
      const card = page.locator('.continue-card');
      await card.getByText('Continue reading').waitFor();
      expect(await card.locator('.continue-title').textContent()).toBe(longCase.title);

      const filters = page.getByRole('navigation', { name: 'Filter by part' });
      await filters.getByRole('link', { name: 'Case studies' }).tap();
      await page.waitForURL(/\?part=cases$/);
      await expect.poll(() => page.locator('section.part h2').allTextContents()).toEqual(['Case studies']);
      expect(await page.locator('section.part .part-progress').textContent()).toMatch(/^\d+ of \d+ read · /);
      expect(await filters.getByRole('link', { name: 'Case studies' }).getAttribute('aria-current')).toBe('page');
      await filters.getByRole('link', { name: 'All' }).tap();
      await expect.poll(() => page.locator('section.part').count()).toBeGreaterThan(3);
    });

    it('names a missing chapter and a missing page, on screen and in the tab title', async () => {
      await page.goto(`${url}/read/no-such-chapter`);
      await page.getByRole('heading', { level: 1, name: 'Chapter not found' }).waitFor();
      await expect.poll(() => page.title()).toBe('Chapter not found · MLSD Pocket');
      await page.goto(`${url}/nowhere/at-all`);
      await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
      await expect.poll(() => page.title()).toBe('Page not found · MLSD Pocket');
    });

    it('ran with no CSP violation and no script error', () => {
      expect(app.watch.violations).toEqual([]);
      expect(app.watch.errors).toEqual([]);
    });
  });
}
