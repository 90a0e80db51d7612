import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, openApp, type AppSession } from '../support/app-session.ts';
import { PHONE, TABLET } from '../support/browser.ts';
import { readManifest } from '../support/dist-variants.ts';
import { selectPhrase } from '../support/page-helpers.ts';
import { phrasesOf } from '../support/phrases.ts';

const manifest = readManifest(DIST);
const CHAPTER = 'evaluate';

for (const [name, profile] of [['phone', PHONE], ['tablet', TABLET]] as const) {
  describe(`reading comfort (${name})`, () => {
    let app: AppSession;
    let page: Page;
    let url: string;
    beforeAll(async () => {
      app = await openApp(profile, { install: true });
      page = app.page;
      url = app.server.url;
    });
    afterAll(() => app?.close());

    it('snaps a selection that cuts words to whole words, and puts the note marker where it splits and reflows nothing', async () => {
      const phrase = phrasesOf(DIST, CHAPTER, 1)[0]!.replace(/[^\p{L}\p{N}]+$/u, '');
      const words = phrase.split(' ');
      // From inside the first word to inside the last one, as a mouse drag often lands.
      const cut = `${words[0]!.slice(2)} ${words.slice(1, -1).join(' ')} ${words.at(-1)!.slice(0, -2)}`;
      await page.goto(`${url}/read/${CHAPTER}`);
      await page.locator('article h1').waitFor();
      expect(await selectPhrase(page, 'article p', cut)).toBe(cut);
      const para = page.locator('article p', { hasText: phrase }).first();
      const before = await para.evaluate((el) => ({ h: el.getBoundingClientRect().height, text: el.textContent }));
      await page.getByRole('toolbar', { name: 'Selected text' }).getByRole('button', { name: 'Add note', exact: true }).tap();
      const panel = page.getByRole('dialog', { name: 'Highlight' });
      await panel.getByRole('textbox', { name: 'Note' }).fill('Whole words only.');
      await panel.getByRole('button', { name: 'Done' }).tap();
      // The marker is in the paragraph's DOM (not its text): find the paragraph by its highlight.
      const marked = page.locator('article p', { has: page.locator('mark.hl') }).first();
      const marks = marked.locator('mark.hl');
      await marks.first().waitFor({ timeout: 8000 }).catch(async (e) => {
        await page.screenshot({ path: `/tmp/reader-comfort-${name}.png` });
        console.log(await page.evaluate(() => [document.querySelectorAll('mark.hl').length, document.querySelector('mark.hl')?.parentElement?.textContent?.slice(0, 80)]));
        throw e;
      });
      expect((await marks.allTextContents()).join('')).toBe(phrase);
      const marker = marked.locator('[data-ui="note-marker"]');
      await marker.waitFor({ state: 'attached' });
      const after = await marked.evaluate((el) => {
        const m = el.querySelector<HTMLElement>('[data-ui="note-marker"]')!;
        const clone = el.cloneNode(true) as HTMLElement;
        clone.querySelectorAll('[data-ui]').forEach((x) => x.remove());
        return { h: el.getBoundingClientRect().height, text: clone.textContent, position: getComputedStyle(m).position, prev: m.previousSibling?.textContent?.slice(-1) ?? '', next: m.nextSibling?.textContent?.slice(0, 1) ?? '' };
      });
      expect(after.h).toBeCloseTo(before.h, 0);
      expect(after.text).toBe(before.text);
      expect(after.position).toBe('absolute');
      // Never inside a word.
      expect(/\p{L}/u.test(after.prev) && /\p{L}/u.test(after.next)).toBe(false);
    });

    it('keeps the first column of a wide table in view, with an edge shadow once scrolled', async () => {
      let found = false;
      for (const c of manifest.chapters.filter((x) => x.part === 'cases' || x.part === 'concepts')) {
        await page.goto(`${url}/read/${c.id}`);
        await page.locator('article h1').waitFor();
        const index = await page.evaluate(() => [...document.querySelectorAll('.table-scroll')].findIndex((b) => b.scrollWidth > b.clientWidth + 40));
        if (index < 0) continue;
        found = true;
        const box = page.locator('.table-scroll').nth(index);
        await box.scrollIntoViewIfNeeded();
        expect(await box.evaluate((b) => getComputedStyle(b.querySelector('td, th')!).boxShadow)).toBe('none');
        await box.evaluate((b) => (b.scrollLeft = 160));
        await expect.poll(() => box.evaluate((b) => b.classList.contains('scrolled'))).toBe(true);
        const { cell, edge, shadow } = await box.evaluate((b) => {
          const first = b.querySelector('tbody td')!;
          return { cell: first.getBoundingClientRect().left, edge: b.getBoundingClientRect().left, shadow: getComputedStyle(first).boxShadow };
        });
        expect(Math.abs(cell - edge)).toBeLessThan(3);
        await expect.poll(() => box.evaluate((b) => getComputedStyle(b.querySelector('tbody td')!).boxShadow)).not.toBe('none');
        expect(shadow === 'none' || shadow.includes('rgba')).toBe(true);
        break;
      }
      expect(found, 'a chapter with a table wider than the screen').toBe(true);
    });

    it('opens a diagram enlarged at "fit to screen", centred, then zooms and fits again', async () => {
      const c = manifest.chapters.find((x) => x.part === 'cases')!;
      await page.goto(`${url}/read/${c.id}`);
      const button = page.getByRole('button', { name: /^Enlarge diagram/ }).first();
      await button.scrollIntoViewIfNeeded();
      const inText = await page.locator('figure.diagram svg').first().evaluate((el) => el.getBoundingClientRect().width);
      await button.tap();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      const fit = async () =>
        dialog.locator('svg').evaluate((el) => {
          const r = el.getBoundingClientRect();
          const v = el.parentElement!.getBoundingClientRect();
          return { w: r.width, h: r.height, left: r.left - v.left, right: v.right - r.right, top: r.top - v.top, bottom: v.bottom - r.bottom, vw: v.width, vh: v.height };
        });
      const f = await fit();
      // The whole drawing in view, as large as the screen allows, in the middle.
      expect(f.left).toBeGreaterThanOrEqual(0);
      expect(f.right).toBeGreaterThanOrEqual(0);
      expect(f.top).toBeGreaterThanOrEqual(0);
      expect(f.bottom).toBeGreaterThanOrEqual(0);
      expect(Math.max(f.w / f.vw, f.h / f.vh)).toBeGreaterThan(0.9);
      expect(Math.abs(f.left - f.right)).toBeLessThan(4);
      expect(Math.abs(f.top - f.bottom)).toBeLessThan(4);
      expect(f.w).toBeGreaterThanOrEqual(inText - 1);
      await dialog.getByRole('button', { name: 'Zoom in' }).tap();
      expect((await fit()).w).toBeGreaterThan(f.w * 1.3);
      await dialog.getByRole('button', { name: 'Fit to screen' }).tap();
      expect(Math.round((await fit()).w)).toBe(Math.round(f.w));
      await dialog.getByRole('button', { name: 'Close diagram' }).tap();
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    });

    it('ran with no CSP violation and no script error', () => {
      expect(app.watch.violations).toEqual([]);
      expect(app.watch.errors).toEqual([]);
    });
  });
}
