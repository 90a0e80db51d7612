import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Annotation } from '../../src/annotations/types.ts';
import { toWebAnnotationJson } from '../../src/notebook/export-json.ts';
import { DIST, openApp, type AppSession } from '../support/app-session.ts';
import { PHONE } from '../support/browser.ts';
import { installedVersion, selectPhrase, waitUntilOffline } from '../support/page-helpers.ts';
import { readManifest, withEditedChapter, withNewWorker } from '../support/dist-variants.ts';
import { phrasesOf } from '../support/phrases.ts';
import type { TestServer } from '../support/static-server.ts';

const CHAPTER = 'deploy-and-serve';
import { OWASP_VECTORS } from '../fixtures/xss/owasp-filter-evasion.ts';
import DOMPURIFY_FIXTURES from '../fixtures/xss/dompurify-fixtures.mjs';

/** Every hostile vector: DOMPurify's own fixtures (tests/fixtures/xss) and the OWASP filter-evasion list. */
const HOSTILE = [...DOMPURIFY_FIXTURES.map((x) => x.payload), ...OWASP_VECTORS];

/** No script ran and nothing executable is left in `selector` (the rendered notes). */
async function assertInert(page: Page, selector: string): Promise<void> {
  const report = await page.evaluate((sel) => {
    const bad: string[] = [];
    for (const el of document.querySelectorAll(`${sel} *`)) {
      const tag = el.localName;
      if (['script', 'iframe', 'object', 'embed', 'frame', 'frameset', 'base', 'meta', 'link', 'style', 'form'].includes(tag)) bad.push(`<${tag}>`);
      for (const a of el.attributes) {
        if (/^on/i.test(a.name)) bad.push(`${tag}[${a.name}]`);
        if (/^(href|src|action|formaction|xlink:href|data)$/i.test(a.name) && /^\s*(javascript|vbscript|data:text\/html)/i.test(a.value)) bad.push(`${tag}[${a.name}=${a.value.slice(0, 30)}]`);
      }
    }
    return { bad, ran: (window as unknown as { __xss?: number }).__xss ?? 0 };
  }, selector);
  expect(report.bad).toEqual([]);
  expect(report.ran).toBe(0);
}

describe('user data survives hostile input, content updates and app updates (phone)', () => {
  let app: AppSession;
  let server: TestServer;
  let page: Page;
  let dialogs = 0;
  const [kept, edited, dropped] = phrasesOf(DIST, CHAPTER, 3);
  const toolbar = () => page.getByRole('toolbar', { name: 'Selected text' });

  beforeAll(async () => {
    app = await openApp(PHONE);
    ({ server, page } = app);
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await page.addInitScript(() => {
      const w = window as unknown as { __xss: number };
      w.__xss = 0;
      window.alert = window.confirm = (() => {
        w.__xss++;
      }) as never;
    });
    await page.goto(`${server.url}/`);
    await waitUntilOffline(page, readManifest(DIST).chapters.length);
  });
  afterAll(() => app?.close());

  it('renders every hostile vector (DOMPurify fixtures + OWASP), imported as notes, with no script and no handler left', async () => {
    const now = Date.now();
    const notes: Annotation[] = HOSTILE.map((payload, i) => ({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      chapterId: 'evaluate', anchor: null, sectionId: null, colour: null, note: payload,
      contentVersion: 'v', chapterHash: 'h', status: 'anchored', createdAt: now + i, updatedAt: now + i,
    }));
    const file = join(mkdtempSync(join(tmpdir(), 'mlsd-xss-')), 'hostile.json');
    writeFileSync(file, toWebAnnotationJson(notes, { contentVersion: 'v', exportedAt: now, appVersion: 'test' }));
    await page.goto(`${server.url}/notebook`);
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByText(`Imported ${notes.length} new`).waitFor();
    await page.goto(`${server.url}/read/evaluate`);
    await expect.poll(() => page.locator('.chapter-notes li').count(), { timeout: 30_000 }).toBe(notes.length);
    await page.waitForTimeout(1500);
    await assertInert(page, '.chapter-notes');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth + 1)).toBe(true);
    expect(dialogs).toBe(0);
  });

  it('renders hostile Markdown typed into a note just as safely', async () => {
    await page.goto(`${server.url}/read/${CHAPTER}`);
    await page.locator('article h1').waitFor();
    await page.getByRole('button', { name: 'Add a chapter note' }).tap();
    const hostile = ['<img src=x onerror=alert(1)>', '[click](javascript:alert(1))', '<svg><script>alert(1)</script></svg>', '<a href="javascript:alert(1)">x</a>', ...OWASP_VECTORS].join('\n\n');
    await page.getByRole('textbox', { name: 'Note' }).fill(hostile);
    await page.getByRole('button', { name: 'Preview' }).tap();
    await page.locator('.hl-panel .note-preview').waitFor();
    await page.waitForTimeout(800);
    await assertInert(page, '.hl-panel .note-preview');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth + 1)).toBe(true);
    await page.getByRole('button', { name: 'Delete note' }).tap();
    expect(dialogs).toBe(0);
  });

  it('re-anchors highlights after a content update, and orphans — never misplaces — what it cannot find', async () => {
    for (const phrase of [kept!, edited!, dropped!]) {
      await selectPhrase(page, 'article p', phrase);
      await toolbar().getByRole('button', { name: 'Highlight', exact: true }).tap();
    }
    await expect.poll(() => page.locator('mark.hl').count()).toBeGreaterThanOrEqual(3);
    const editedWords = edited!.split(' ');
    const mid = Math.floor(editedWords.length / 2);
    const revisedPhrase = editedWords.map((w, i) => (i === mid ? `${w}s` : w)).join(' ');
    const v2 = withEditedChapter(DIST, CHAPTER, (t) => t.replace(edited!, revisedPhrase).replace(dropped!, 'an entirely different clause'));
    server.setRoot(v2.dir);
    await page.reload();
    await expect.poll(() => installedVersion(page), { timeout: 20_000 }).toBe(v2.manifest.version);
    await page.goto(`${server.url}/read/${CHAPTER}`);
    await page.locator('article h1').waitFor();
    await expect.poll(() => page.locator('mark.hl').evaluateAll((ms) => ms.map((m) => m.textContent).join('|'))).toContain(kept!);
    const painted = await page.locator('mark.hl').evaluateAll((ms) => ms.map((m) => m.textContent ?? ''));
    expect(painted.join('')).toContain(revisedPhrase);
    expect(painted.join('')).not.toContain('an entirely different clause');

    await page.goto(`${server.url}/notebook`);
    const lost = page.getByRole('region', { name: 'Needs a new place' }).or(page.locator('.nb-lost'));
    await lost.getByText(dropped!).waitFor();
    await lost.getByRole('link', { name: 'Re-attach' }).tap();
    await page.locator('article h1').waitFor();
    await selectPhrase(page, 'article p', 'an entirely different clause');
    await toolbar().getByRole('button', { name: 'Attach here' }).tap();
    await expect.poll(() => page.locator('mark.hl').evaluateAll((ms) => ms.map((m) => m.textContent).join(''))).toContain('an entirely different clause');
  });

  it('loses nothing typed when a new app version takes over while a note is open', async () => {
    await page.goto(`${server.url}/read/${CHAPTER}`);
    await page.locator('article h1').waitFor();
    server.setRoot(withNewWorker(DIST));
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
    await page.getByText('New version available').waitFor({ timeout: 20_000 });
    await page.locator('mark.hl').first().tap();
    await page.getByRole('textbox', { name: 'Note' }).pressSequentially('Typed just before the update', { delay: 5 });
    const loaded = page.waitForEvent('load');
    await page.getByRole('button', { name: 'Reload' }).tap();
    await loaded;
    await page.locator('article h1').waitFor();
    await page.locator('mark.hl').first().tap();
    await expect.poll(() => page.getByRole('textbox', { name: 'Note' }).inputValue()).toBe('Typed just before the update');
  });

  it('selects with the keyboard (Shift+arrows) and reaches the toolbar with Enter', async () => {
    await page.goto(`${server.url}/read/framework-overview`);
    await page.locator('article h1').waitFor();
    await page.locator('article').focus();
    for (let i = 0; i < 12; i++) await page.keyboard.press('Shift+ArrowRight');
    expect((await page.evaluate(() => getSelection()?.toString() ?? '')).length).toBe(12);
    await toolbar().waitFor();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.closest('.sel-toolbar') !== null)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('mark.hl').count()).toBeGreaterThan(0);
  });

  it('ran without a script error; the only CSP reports came from the sanitizer parsing hostile text', () => {
    expect(app.watch.errors).toEqual([]);
    expect(app.watch.violations.filter((v) => /script|Trusted/i.test(v))).toEqual([]);
    expect(app.watch.sanitizerReports.length).toBeGreaterThan(0);
  });
});
