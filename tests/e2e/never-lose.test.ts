import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, openApp, type AppSession } from '../support/app-session.ts';
import { PHONE } from '../support/browser.ts';
import { emptyUserStores, mirrorText, storedNotes, userCounts } from '../support/mirror-helpers.ts';
import { selectPhrase } from '../support/page-helpers.ts';
import { phrasesOf } from '../support/phrases.ts';

const CHAPTER = 'evaluate';

describe('never lose a note: the second copy, two tabs, hostile Markdown (phone)', () => {
  let app: AppSession;
  let page: Page;
  const [first, second] = phrasesOf(DIST, CHAPTER, 2);
  const toolbar = () => page.getByRole('toolbar', { name: 'Selected text' });
  const open = async (p: Page) => {
    await p.goto(`${app.server.url}/read/${CHAPTER}`);
    await p.locator('article h1').waitFor();
  };

  beforeAll(async () => {
    app = await openApp(PHONE, { install: true });
    page = app.page;
  });
  afterAll(() => app?.close());

  it('keeps a copy outside IndexedDB and restores from it when the database is emptied, once, without duplicates', async () => {
    await open(page);
    await selectPhrase(page, 'article p', first!);
    await toolbar().getByRole('button', { name: 'Highlight', exact: true }).tap();
    await selectPhrase(page, 'article p', second!);
    await toolbar().getByRole('button', { name: 'Add note', exact: true }).tap();
    const panel = page.getByRole('dialog', { name: 'Highlight' });
    await panel.getByRole('textbox', { name: 'Note' }).fill('Mirror me: calibrate before you threshold.');
    await panel.getByRole('button', { name: 'Done' }).tap();
    await expect.poll(() => mirrorText(page), { timeout: 10_000 }).toContain('Mirror me: calibrate before you threshold.');
    const before = await userCounts(page);
    expect(before.annotations).toBe(2);

    await emptyUserStores(page);
    expect((await userCounts(page)).annotations).toBe(0);
    await page.reload();
    await page.getByText('Your highlights and notes were restored').waitFor();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/2 highlights and notes/);
    await expect.poll(() => page.locator('mark.hl').count()).toBeGreaterThanOrEqual(2);
    expect(await userCounts(page)).toEqual(before);
    expect(await storedNotes(page)).toContain('Mirror me: calibrate before you threshold.');

    // Agreeing again: no second restore, no duplicates.
    await page.reload();
    await page.locator('article h1').waitFor();
    await expect.poll(() => page.locator('mark.hl').count()).toBeGreaterThanOrEqual(2);
    expect(await page.getByText('Your highlights and notes were restored').count()).toBe(0);
    expect(await userCounts(page)).toEqual(before);
  });

  it('keeps every word when two tabs type in one note at the same time', async () => {
    const other = await app.context.newPage();
    await Promise.all([open(page), open(other)]);
    const mark = (p: Page) => p.locator('mark.hl', { hasText: first!.split(' ')[0] }).first();
    const note = (p: Page) => p.getByRole('dialog', { name: 'Highlight' }).getByRole('textbox', { name: 'Note' });
    await mark(page).tap();
    await mark(other).tap();
    await note(page).click();
    await note(other).click();
    await page.keyboard.press('End');
    await other.keyboard.press('End');
    const mine = ['apple', 'banana', 'cherry', 'damson', 'elder', 'fig'];
    const theirs = ['xenon', 'yttrium', 'zinc', 'argon', 'boron', 'cobalt'];
    for (let i = 0; i < mine.length; i++) {
      // Interleaved: sometimes inside the save delay (no save between), sometimes after a save and its broadcast.
      await note(page).pressSequentially(` ${mine[i]}`);
      await note(other).pressSequentially(` ${theirs[i]}`);
      await page.waitForTimeout(i % 2 ? 150 : 600);
    }
    await page.getByRole('button', { name: 'Done' }).tap();
    await other.getByRole('button', { name: 'Done' }).tap();
    const words = async () => ((await storedNotes(page)).find((n) => n.includes('apple')) ?? '').split(/\s+/);
    await expect.poll(words, { timeout: 10_000 }).toEqual(expect.arrayContaining([...mine, ...theirs]));
    await other.close();
  });

  it('shows a note of thousands of nested quotes, flattened, instead of a blank preview', async () => {
    await open(page);
    await page.locator('mark.hl', { hasText: second!.split(' ')[0] }).first().tap();
    const panel = page.getByRole('dialog', { name: 'Highlight' });
    await panel.getByRole('textbox', { name: 'Note' }).fill(`${'>'.repeat(5000)} deep inside`);
    await panel.getByRole('button', { name: 'Preview' }).tap();
    await expect.poll(() => panel.locator('.note-preview').textContent()).toContain('deep inside');
    await panel.getByText('Deep nesting in this note is shown flattened.').waitFor();
    expect(await panel.locator('.note-preview blockquote').count()).toBeLessThanOrEqual(16);
    await panel.getByRole('button', { name: 'Done' }).tap();
  });

  it('ran without a script error', () => {
    expect(app.watch.errors).toEqual([]);
    expect(app.watch.violations).toEqual([]);
  });
});
