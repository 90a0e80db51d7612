import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, openApp, type AppSession } from '../support/app-session.ts';
import { backupFiles } from '../../src/notebook/backup-parts.ts';
import { PHONE } from '../support/browser.ts';
import { chapterComplete } from '../support/chapter-ready.ts';
import { deleteMirrorFiles, emptyUserStores, lastBackupNames, mirrorText, storedNotes, userCounts } from '../support/mirror-helpers.ts';
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
    await chapterComplete(p);
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
    // The reading position is stored a moment after the chapter is whole (and comes back with the rest).
    await expect.poll(async () => (await userCounts(page)).progress, { timeout: 10_000 }).toBe(1);
    const before = await userCounts(page);
    expect(before.annotations).toBe(2);

    await emptyUserStores(page);
    expect((await userCounts(page)).annotations).toBe(0);
    await page.reload();
    await page.getByText('Your highlights and notes were restored').waitFor();
    await expect.poll(() => page.locator('.mirror-notice').textContent()).toMatch(/2 highlights and notes/);
    await expect.poll(() => page.locator('mark.hl').count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    // Every record back, none twice (the reading position may come from the copy or be stored again by this page).
    await expect.poll(() => userCounts(page), { timeout: 10_000 }).toEqual(before);
    expect(await storedNotes(page)).toContain('Mirror me: calibrate before you threshold.');

    // Agreeing again: no second restore, no duplicates.
    await page.reload();
    await page.locator('article h1').waitFor();
    await chapterComplete(page);
    await expect.poll(() => page.locator('mark.hl').count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    expect(await page.getByText('Your highlights and notes were restored').count()).toBe(0);
    expect(await userCounts(page)).toEqual(before);
  });

  it('keeps the last exported backup on the device and offers it, with its date and counts, in a notice that covers nothing', async () => {
    await page.goto(`${app.server.url}/notebook`);
    const saved = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export backup (JSON)' }).tap();
    await (await saved).path();
    await expect.poll(() => lastBackupNames(page), { timeout: 10_000 }).toContain('last-backup.json');
    const before = await userCounts(page);

    // The database is emptied: the copy restores it, and the notice offers the last backup as well
    // (on the Review screen, whose grade buttons a fixed notice once covered).
    await emptyUserStores(page);
    await page.goto(`${app.server.url}/review`);
    await page.getByRole('heading', { name: 'Review' }).waitFor();
    const notice = page.locator('.mirror-notice');
    await notice.getByText('Your last exported backup is on this device too').waitFor();
    expect(await notice.textContent()).toMatch(/\(today at [^:]+:\d\d[^:]*: 2 highlights and notes/);
    // In the page's flow above the screen, not over it: every control of the screen can be tapped where it is.
    const covered = await page.evaluate(() => {
      const slot = document.querySelector('.mirror-slot')!;
      const out: string[] = [];
      if (getComputedStyle(slot).position !== 'static') out.push(`the notice is ${getComputedStyle(slot).position}`);
      for (const el of document.querySelectorAll<HTMLElement>('main button, main a, main h1')) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.bottom < 0 || r.top > innerHeight) continue;
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(r.height, innerHeight - r.top) / 2);
        if (hit?.closest('.mirror-notice')) out.push(el.textContent!.trim().slice(0, 40));
      }
      return out;
    });
    expect(covered).toEqual([]);
    await notice.getByRole('button', { name: 'Import last backup' }).tap();
    await expect.poll(() => notice.textContent()).toMatch(/Imported 0 new and 0 updated highlights and notes; 2 were already here\./);
    expect(await userCounts(page)).toEqual(before);
    await notice.getByRole('button', { name: 'Dismiss' }).tap();
    await expect.poll(() => page.locator('.mirror-notice').count()).toBe(0);

    // The database and its copy both gone: the last backup alone brings the notes back, in one tap.
    await emptyUserStores(page);
    await deleteMirrorFiles(page);
    await page.goto(`${app.server.url}/`);
    await notice.getByText("MLSD Pocket's data on this device was lost").waitFor();
    await notice.getByRole('button', { name: 'Import last backup' }).tap();
    await expect.poll(() => notice.textContent()).toMatch(/Imported 2 new and 0 updated highlights and notes; 0 were already here\./);
    expect(await userCounts(page)).toEqual(before);
    expect(await storedNotes(page)).toContain('Mirror me: calibrate before you threshold.');
    await notice.getByRole('button', { name: 'Dismiss' }).tap();
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

  it('previews a 12,000-item list at once, then whole: one list, every item, sanitized to the end', async () => {
    await open(page);
    await page.locator('mark.hl', { hasText: second!.split(' ')[0] }).first().tap();
    const panel = page.getByRole('dialog', { name: 'Highlight' });
    // Whole items up to 99,000 characters (room for the hostile tail), as many as fit.
    const lines = Array.from({ length: 12_000 }, (_, i) => `- item ${i}`);
    while (lines.join('\n').length > 99_000) lines.pop();
    const items = lines.join('\n');
    const last = lines.length - 1;
    // Typed in at once (as a paste would), not key by key.
    await panel.getByRole('textbox', { name: 'Note' }).evaluate((el: HTMLTextAreaElement, text) => {
      el.value = text;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, `${items}\n\n<img src=x onerror="window.__pwned=1">[x](javascript:window.__pwned=2)`);
    await panel.getByRole('button', { name: 'Preview' }).tap();
    const preview = panel.locator('.note-preview');
    await preview.getByText('item 0', { exact: true }).waitFor();
    await expect.poll(() => preview.getAttribute('aria-busy'), { timeout: 60_000 }).toBeNull();
    const shown = await preview.evaluate((el) => ({
      lists: el.querySelectorAll('ul').length,
      items: el.querySelectorAll('li').length,
      last: el.querySelector('li:last-of-type')?.textContent,
      html: el.innerHTML,
    }));
    expect(shown.lists).toBe(1);
    expect(shown.items).toBe(Number(last) + 1);
    expect(shown.last).toBe(`item ${last}`);
    expect(shown.html).not.toMatch(/onerror|javascript:|<img/i);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await panel.getByRole('button', { name: 'Write' }).tap();
    await panel.getByRole('textbox', { name: 'Note' }).fill('Short again.');
    await panel.getByRole('button', { name: 'Done' }).tap();
  });

  it('imports a backup written in parts: each part on its own, all picked together, and says which part is still missing', async () => {
    const notes = Array.from({ length: 6 }, (_, i) => ({
      id: `00000000-0000-4000-8000-00000000090${i}`, chapterId: CHAPTER, sectionId: null, colour: null, status: 'anchored' as const, anchor: null,
      note: `Part note ${i}: ${'words '.repeat(300)}`, contentVersion: '', chapterHash: '', createdAt: Date.UTC(2025, 0, 1) + i, updatedAt: Date.UTC(2025, 0, 1) + i,
    }));
    // Parts as the app writes them when a backup is more than one file may hold (here: a small cap, so 3 parts).
    const files = backupFiles(notes, { contentVersion: 'v', exportedAt: Date.UTC(2025, 5, 1), appVersion: '0.1.0' }, { maxBytes: 9_500, maxItems: 1_000, maxRecords: () => 1_000 });
    expect(files).toHaveLength(3);
    const asFile = (text: string, i: number) => ({ name: `mlsd-pocket-backup-part-${i + 1}-of-3.json`, mimeType: 'application/json', buffer: Buffer.from(text) });
    await page.goto(`${app.server.url}/notebook`);
    const input = page.locator('.backup input[type=file]');
    await input.setInputFiles([asFile(files[0]!, 0), asFile(files[1]!, 1)]);
    const said = page.locator('.backup .notice');
    await expect.poll(() => said.textContent()).toMatch(/^Imported 4 new and 0 updated highlights and notes; 0 were already here\. This backup is in 3 files; if you have not imported them yet, import part 3 too\.$/);
    await input.setInputFiles([asFile(files[2]!, 2)]);
    await expect.poll(() => said.textContent()).toMatch(/^Imported 2 new and 0 updated highlights and notes; 0 were already here\. This backup is in 3 files; if you have not imported them yet, import parts 1 and 2 too\.$/);
    // Again, all three at once: nothing duplicated.
    await input.setInputFiles(files.map(asFile));
    await expect.poll(() => said.textContent()).toBe('Imported 0 new and 0 updated highlights and notes; 6 were already here.');
    const stored = (await storedNotes(page)).filter((n) => n.startsWith('Part note'));
    expect(stored).toHaveLength(6);
  });

  it('ran without a script error', () => {
    expect(app.watch.errors).toEqual([]);
    expect(app.watch.violations).toEqual([]);
  });
});
