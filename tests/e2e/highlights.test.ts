import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, openApp, type AppSession } from '../support/app-session.ts';
import { TABLET } from '../support/browser.ts';
import { deleteMirror } from '../support/mirror-helpers.ts';
import { selectPhrase } from '../support/page-helpers.ts';
import { phrasesOf } from '../support/phrases.ts';
import type { TestServer } from '../support/static-server.ts';
const CHAPTER = 'evaluate';

describe('highlights and notes on a tablet (touch)', () => {
  let app: AppSession;
  let server: TestServer;
  let context: BrowserContext;
  let page: Page;
  const [first, second, third] = phrasesOf(DIST, CHAPTER, 3);
  const offline = (on: boolean) => app.offline(on);
  const toolbar = () => page.getByRole('toolbar', { name: 'Selected text' });

  beforeAll(async () => {
    app = await openApp(TABLET, { install: true });
    ({ server, context, page } = app);
    await offline(true);
  });
  afterAll(() => app?.close());

  it('selects text, highlights it with a tap, adds a note, and keeps both after an offline reload', async () => {
    await page.goto(`${server.url}/read/${CHAPTER}`);
    await page.locator('article h1').waitFor();
    expect(await selectPhrase(page, 'article p', first!)).toBe(first);
    await toolbar().waitFor();
    await toolbar().getByRole('button', { name: 'Highlight', exact: true }).tap();
    const mark = page.locator('mark.hl', { hasText: first!.split(' ')[0] });
    await expect.poll(() => page.locator('mark.hl').evaluateAll((ms) => ms.map((m) => m.textContent).join(''))).toBe(first);
    expect(await mark.first().getAttribute('class')).toBe('hl hl-yellow');

    await selectPhrase(page, 'article p', second!);
    await toolbar().getByRole('button', { name: 'Highlight green' }).tap();
    await selectPhrase(page, 'article p', third!);
    await toolbar().getByRole('button', { name: 'Add note', exact: true }).tap();
    const panel = page.getByRole('dialog', { name: 'Highlight' });
    await panel.waitFor();
    await panel.getByRole('textbox', { name: 'Note' }).fill('Pair **every** offline metric with an online one.');
    await page.waitForTimeout(700);
    await panel.getByRole('button', { name: 'Done' }).tap();

    await page.reload();
    await page.locator('article h1').waitFor();
    await expect.poll(() => page.locator('mark.hl').count()).toBeGreaterThanOrEqual(3);
    const colours = await page.locator('mark.hl').evaluateAll((ms) => [...new Set(ms.map((m) => m.className))]);
    expect(colours.sort()).toEqual(['hl hl-green', 'hl hl-yellow']);
    await page.locator('mark.hl', { hasText: third! }).first().tap();
    await expect.poll(() => page.getByRole('dialog', { name: 'Highlight' }).getByRole('textbox', { name: 'Note' }).inputValue()).toBe(
      'Pair **every** offline metric with an online one.',
    );
    await page.getByRole('button', { name: 'Preview' }).tap();
    await expect.poll(() => page.locator('.note-preview strong').textContent()).toBe('every');
    await page.getByRole('button', { name: 'Done' }).tap();
  });

  it('keeps a note edited a moment before a reload (no pause for the save)', async () => {
    const note = page.getByRole('dialog', { name: 'Highlight' }).getByRole('textbox', { name: 'Note' });
    for (const text of ['Edited, then reloaded at once.', 'Pair **every** offline metric with an online one.']) {
      await page.locator('mark.hl', { hasText: third! }).first().tap();
      await note.fill(text);
      await page.reload();
      await page.locator('article h1').waitFor();
      await expect.poll(() => page.locator('mark.hl', { hasText: third! }).count()).toBeGreaterThan(0);
      await page.locator('mark.hl', { hasText: third! }).first().tap();
      await expect.poll(() => note.inputValue()).toBe(text);
      await page.getByRole('button', { name: 'Done' }).tap();
    }
  });

  it('changes colour, deletes with Undo, and writes a chapter note', async () => {
    await page.locator('mark.hl-green').first().tap();
    await page.getByRole('radio', { name: 'Purple' }).tap();
    await expect.poll(() => page.locator('mark.hl-purple').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Delete highlight' }).tap();
    await expect.poll(() => page.locator('mark.hl-purple').count()).toBe(0);
    await page.getByRole('button', { name: 'Undo' }).tap();
    await expect.poll(() => page.locator('mark.hl-purple').count()).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Add a chapter note' }).tap();
    const panel = page.getByRole('dialog', { name: 'Chapter note' });
    await panel.getByRole('textbox', { name: 'Note' }).fill('Revisit the power calculation.');
    await page.waitForTimeout(700);
    await panel.getByRole('button', { name: 'Done' }).tap();
    await page.locator('.chapter-notes').getByText('Revisit the power calculation.').waitFor();
  });

  it('lists everything in the notebook and jumps back to the passage', async () => {
    await page.evaluate(() => scrollTo(0, 0));
    await page.getByRole('link', { name: 'Notebook' }).tap();
    await page.getByRole('heading', { level: 1, name: 'Notebook' }).waitFor();
    const entries = page.locator('.nb-entry');
    await expect.poll(() => entries.count()).toBe(4);
    await page.getByRole('searchbox').fill('power calculation');
    await expect.poll(() => entries.count()).toBe(1);
    await page.getByRole('searchbox').fill('');
    await page.getByRole('button', { name: 'Show purple only' }).tap();
    await expect.poll(() => entries.count()).toBe(1);
    await page.getByRole('button', { name: 'Show purple only' }).tap();
    await page.locator('.nb-entry a', { hasText: first! }).tap();
    await expect.poll(() => page.url()).toContain(`/read/${CHAPTER}#hl-`);
    const target = page.locator(`[id="${new URL(page.url()).hash.slice(1)}"]`);
    await target.waitFor();
    await expect.poll(() => target.evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })).toBe(true);
  });

  it('exports a JSON backup, and after the data is cleared imports it back whole', async () => {
    await offline(false);
    await page.goto(`${server.url}/notebook`);
    await page.getByRole('heading', { level: 1, name: 'Notebook' }).waitFor();
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export backup (JSON)' }).tap()]);
    const file = await dl.path();
    const backup = JSON.parse(readFileSync(file, 'utf8')) as { type: string; total: number };
    expect(backup.type).toBe('AnnotationCollection');
    expect(backup.total).toBe(4);
    await page.getByText(/Last backup: (?!never)/).waitFor();

    await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((res) => {
        const r = indexedDB.open('mlsd-pocket');
        r.onsuccess = () => res(r.result);
      });
      await new Promise((res) => {
        const tx = db.transaction('annotations', 'readwrite');
        tx.objectStore('annotations').clear();
        tx.oncomplete = res;
      });
      db.close();
    });
    // The second copy (OPFS) would put them back by itself: this test needs both gone.
    await deleteMirror(page);
    await page.reload();
    // Everything read and nothing there (a count of 0 alone would pass before the notebook has read anything).
    await page.getByText('Nothing here yet.', { exact: false }).waitFor();
    expect(await page.locator('.nb-entry').count()).toBe(0);
    // The message is compared whole, so a failure shows what the import said instead.
    const said = () => page.locator('.backup .notice').textContent();
    await page.locator('input[type=file]').setInputFiles(file);
    await expect.poll(said, { timeout: 30_000 }).toBe('Imported 4 new and 0 updated highlights and notes; 0 were already here.');
    await expect.poll(() => page.locator('.nb-entry').count()).toBe(4);
    await page.locator('input[type=file]').setInputFiles(file);
    await expect.poll(said, { timeout: 30_000 }).toBe('Imported 0 new and 0 updated highlights and notes; 4 were already here.');
    await expect.poll(() => page.locator('.nb-entry').count()).toBe(4);
  });

  it('refuses a damaged backup with a clear message and changes nothing', async () => {
    await page.locator('input[type=file]').setInputFiles({ name: 'cut.json', mimeType: 'application/json', buffer: Buffer.from('{"type":"AnnotationCollection","first":{"items":[{"id":') });
    await page.getByRole('alert').filter({ hasText: 'Nothing was changed.' }).waitFor();
    await expect.poll(() => page.locator('.nb-entry').count()).toBe(4);
  });

  it('keeps two tabs in step without overwriting each other', async () => {
    const other = await context.newPage();
    await other.goto(`${server.url}/read/${CHAPTER}`);
    await page.goto(`${server.url}/read/${CHAPTER}`);
    await Promise.all([page.locator('article h1').waitFor(), other.locator('article h1').waitFor()]);
    await expect.poll(() => other.locator('mark.hl').count()).toBeGreaterThan(0);
    const before = await other.locator('mark.hl').count();
    const [fourth] = phrasesOf(DIST, CHAPTER, 4).slice(3);
    await selectPhrase(page, 'article p', fourth!);
    await toolbar().getByRole('button', { name: 'Highlight blue' }).tap();
    await expect.poll(() => other.locator('mark.hl-blue').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await other.locator('mark.hl').count()).toBeGreaterThan(before);

    await other.locator('mark.hl-blue').first().click();
    await other.getByRole('textbox', { name: 'Note' }).fill('Written in the second tab.');
    await other.waitForTimeout(700);
    await page.locator('mark.hl-blue').first().tap();
    await expect.poll(() => page.getByRole('textbox', { name: 'Note' }).inputValue(), { timeout: 10_000 }).toBe('Written in the second tab.');
    await other.close();
  });

  it('ran with no CSP violation and no script error', () => {
    expect(app.watch.violations).toEqual([]);
    expect(app.watch.errors).toEqual([]);
  });
});
