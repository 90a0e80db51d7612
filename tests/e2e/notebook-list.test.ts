import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChapterPayload, TreeNode } from '../../src/shared/content-types.ts';
import { treeText } from '../../src/shared/tree-text.ts';
import { DIST, openApp, type AppSession } from '../support/app-session.ts';
import { PHONE, TABLET } from '../support/browser.ts';
import { readManifest } from '../support/dist-variants.ts';
import { selectPhrase } from '../support/page-helpers.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const CHAPTER = 'evaluate';
const manifest = readManifest(DIST);
const meta = manifest.chapters.find((c) => c.id === CHAPTER)!;
const payload = JSON.parse(readFileSync(join(DIST, `content/chapters/${CHAPTER}.${meta.hash}.json`), 'utf8')) as ChapterPayload;
const TEXT = treeText(payload.body);

/** The end of one paragraph and the start of the next (plain text on both sides), unique in the chapter. */
function acrossParagraphs(): { tail: string; head: string } {
  const ps = payload.body.filter((n): n is Exclude<TreeNode, string> => typeof n !== 'string' && n[0] === 'p');
  for (let i = 0; i + 1 < ps.length; i++) {
    const last = ps[i]!.at(-1);
    const first = ps[i + 1]![2];
    if (typeof last !== 'string' || typeof first !== 'string') continue;
    const tail = last.trim().split(/\s+/).slice(-3).join(' ');
    const head = first.trim().split(/\s+/).slice(0, 2).join(' ');
    if (tail.split(' ').length === 3 && TEXT.split(tail).length === 2 && TEXT.split(`${tail}${head}`).length === 2) return { tail, head };
  }
  throw new Error('no two plain paragraphs in a row');
}

async function axe(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const r = await (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  });
}

/** Writes `n` highlights of the chapter straight into IndexedDB: one with a very long quote, every third with a Markdown note. */
async function seed(page: Page, n: number): Promise<void> {
  await page.evaluate(
    async ({ n, chapterId, hash, version, text }) => {
      const db = await new Promise<IDBDatabase>((res) => {
        const r = indexedDB.open('mlsd-pocket');
        r.onsuccess = () => res(r.result);
      });
      const tx = db.transaction('annotations', 'readwrite');
      const colours = ['yellow', 'green', 'blue', 'pink', 'purple'];
      for (let i = 0; i < n; i++) {
        const start = i === 0 ? 0 : Math.floor((i / n) * (text.length - 1300));
        const end = start + (i === 0 ? 1200 : 30);
        tx.objectStore('annotations').put({
          id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, chapterId, sectionId: null, colour: colours[i % 5],
          note: i % 3 ? '' : `Seeded note ${i}: **why** it matters`,
          anchor: { quote: { type: 'TextQuoteSelector', exact: text.slice(start, end), prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start, end } },
          contentVersion: version, chapterHash: hash, status: 'anchored', createdAt: 1_700_000_000_000 + i * 60_000, updatedAt: 1_700_000_000_000 + i * 60_000,
        });
      }
      await new Promise((res) => (tx.oncomplete = res));
      db.close();
    },
    { n, chapterId: CHAPTER, hash: meta.hash, version: manifest.version, text: TEXT },
  );
}

for (const [name, profile] of [['phone', PHONE], ['tablet', TABLET]] as const) {
  describe(`the notebook list and exports (${name})`, () => {
    let app: AppSession;
    let page: Page;
    let url: string;
    const { tail, head } = acrossParagraphs();
    beforeAll(async () => {
      app = await openApp(profile, { install: true });
      page = app.page;
      url = app.server.url;
    });
    afterAll(() => app?.close());

    it('keeps the break of a highlight across two paragraphs in the notebook and in both exports', async () => {
      await page.goto(`${url}/read/${CHAPTER}`);
      await page.locator('article h1').waitFor();
      expect(await selectPhrase(page, 'article p', tail, head)).toMatch(new RegExp(`${tail}\\s+${head}`));
      await page.getByRole('toolbar', { name: 'Selected text' }).getByRole('button', { name: 'Highlight', exact: true }).tap();
      await page.locator('mark.hl').first().waitFor();
      await page.goto(`${url}/notebook`);
      const quote = page.locator('.nb-entry blockquote').first();
      await quote.waitFor();
      await expect.poll(() => quote.innerText()).toContain(`${tail}\n${head}`);
      // Where and when: the section the passage is in, and the date.
      const where = meta.outline.filter((o) => o.level === 2).map((o) => o.title);
      const metaLine = await page.locator('.nb-entry .nb-meta').first().innerText();
      expect(where.some((t) => metaLine.includes(t))).toBe(true);
      // Dates go through the one formatter: a highlight made just now says so.
      expect(metaLine).toMatch(/\btoday$/);

      const [md] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export Markdown' }).tap()]);
      const markdown = readFileSync(await md.path(), 'utf8');
      expect(markdown).toContain(`## ${meta.title}`);
      expect(markdown).toMatch(/\n### \S/);
      expect(markdown).toContain(`> ${tail}\n  > ${head}`);
      expect(markdown).toMatch(new RegExp(`\\[Open in MLSD Pocket\\]\\(${url.replace(/[.]/g, '\\.')}/read/${CHAPTER}#hl-[0-9a-f-]{36}\\)`));
      const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).tap()]);
      const table = readFileSync(await csv.path(), 'utf8');
      expect(table.split('\r\n')[0]).toBe('id,chapter,chapter_title,section,colour,quote,note,status,created,modified');
      expect(table).toContain(`${tail}\n${head}`);
    });

    it('stays fast with 10,000 entries: only what is near the screen is drawn, to the very last', async () => {
      await seed(page, 10_000);
      await page.goto(`${url}/notebook`);
      await page.locator('.nb-entry').first().waitFor();
      expect(await page.locator('.nb-entry').count()).toBeLessThan(150);
      await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
      await expect.poll(async () => {
        await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
        return page.locator('.nb-entry blockquote', { hasText: TEXT.slice(Math.floor((9999 / 10_000) * (TEXT.length - 1300)), Math.floor((9999 / 10_000) * (TEXT.length - 1300)) + 30).trim() }).count();
      }, { timeout: 15_000 }).toBeGreaterThan(0);
      expect(await page.locator('.nb-entry').count()).toBeLessThan(150);
    });

    it('clamps a long quote with "Show all", renders notes as Markdown, sorts by date and marks search matches', async () => {
      await page.evaluate(() => scrollTo(0, 0));
      const opening = treeText([payload.body.find((n) => typeof n !== 'string' && n[0] === 'p')!]).slice(0, 40);
      const long = page.locator('.nb-entry', { has: page.locator('blockquote', { hasText: opening }) }).first();
      await long.waitFor();
      const q = long.locator('blockquote');
      const clamped = await q.evaluate((el) => ({ h: el.clientHeight, full: el.scrollHeight, overflowY: getComputedStyle(el).overflowY }));
      expect(clamped.full).toBeGreaterThan(clamped.h + 20);
      await long.getByRole('button', { name: 'Show all' }).tap();
      await expect.poll(() => q.evaluate((el) => el.scrollHeight <= el.clientHeight + 2)).toBe(true);
      await long.getByRole('button', { name: 'Show less' }).waitFor();
      await long.locator('.nb-note strong', { hasText: 'why' }).waitFor();
      expect(await long.locator('.nb-note').innerText()).not.toContain('**');

      expect(await axe(page)).toEqual([]);

      await page.getByRole('combobox', { name: 'Sort' }).selectOption('date');
      await expect.poll(() => page.locator('.nb-entry .nb-note').first().innerText()).toContain('Seeded note 9999');
      expect(await page.locator('h2.nb-chapter').count()).toBe(0);
      await page.getByRole('searchbox').fill('note 9999');
      await expect.poll(() => page.locator('.nb-entry').count()).toBe(1);
      await expect.poll(() => page.locator('.nb-entry mark.nb-match').innerText()).toBe('note 9999');
      expect(await axe(page)).toEqual([]);
    });

    it('ran with no CSP violation and no script error', () => {
      expect(app.watch.violations).toEqual([]);
      expect(app.watch.errors).toEqual([]);
    });
  });
}
