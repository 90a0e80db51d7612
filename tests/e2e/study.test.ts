import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, openApp, type AppSession } from '../support/app-session.ts';
import { PHONE } from '../support/browser.ts';
import { readManifest } from '../support/dist-variants.ts';
import { selectPhrase } from '../support/page-helpers.ts';
import { phrasesOf } from '../support/phrases.ts';

const CHAPTER = 'evaluate';
const manifest = readManifest(DIST);
const TOTAL = manifest.chapters.reduce((a, c) => a + c.cardCount, 0);

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
async function axe(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const r = await (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  });
}

/** Reads one store of the app's database in the page (what is durable, not what the screen says). */
const readStore = (page: Page, store: string) =>
  page.evaluate(
    (name) =>
      new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const open = indexedDB.open('mlsd-pocket');
        open.onsuccess = () => {
          const req = open.result.transaction(name).objectStore(name).getAll();
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result as Record<string, unknown>[]);
          };
          req.onerror = () => reject(req.error);
        };
        open.onerror = () => reject(open.error);
      }),
    store,
  );

describe('study: spaced-repetition review on a phone (touch and keyboard, offline)', () => {
  let app: AppSession;
  let page: Page;
  const reviewLink = () => page.getByRole('navigation', { name: 'App' }).getByRole('link', { name: /^Review/ });
  const dueInBar = async () => Number(/Review, (\d+) due/.exec((await reviewLink().getAttribute('aria-label')) ?? '')?.[1] ?? NaN);
  const question = () => page.locator('.review-card .card-q').innerText();
  /** The count once the top bar has it (it is read from IndexedDB after the page shows). */
  const dueNow = async () => {
    await expect.poll(dueInBar, { timeout: 15_000 }).not.toBeNaN();
    return dueInBar();
  };

  beforeAll(async () => {
    app = await openApp(PHONE, { install: true });
    page = app.page;
    await app.offline(true);
  });
  afterAll(() => app?.close());

  it('reviews 5 cards offline with touch and with the keyboard; after a reload the due count has dropped and the schedule holds', async () => {
    await page.goto(`${app.server.url}/`);
    await expect.poll(dueInBar, { timeout: 15_000 }).toBe(20);
    await reviewLink().tap();
    await page.getByRole('heading', { name: 'Review', level: 1 }).waitFor();
    const seen: string[] = [];
    // Three by touch: Good, Easy, Easy.
    for (const grade of ['Good', 'Easy', 'Easy']) {
      await page.getByRole('button', { name: 'Show answer', exact: true }).tap();
      const btn = page.getByRole('button', { name: grade, exact: true });
      await btn.waitFor();
      expect(await page.locator(`#${(await btn.getAttribute('aria-describedby'))!}`).innerText()).toMatch(/^\d+(\.\d)? (min|h|d|mo|y)$/);
      expect(await page.getByRole('link', { name: 'Open in the guide', exact: true }).getAttribute('href')).toMatch(/^\/read\/[a-z0-9-]+#[a-z0-9-]+$/);
      seen.push(await question());
      await btn.tap();
      await expect.poll(question).not.toBe(seen.at(-1));
    }
    // Two by keyboard: Space shows the answer, 4 (Easy) and 3 (Good) grade it.
    for (const key of ['4', '3']) {
      await page.getByRole('button', { name: 'Show answer', exact: true }).focus();
      await page.keyboard.press('Space');
      await page.getByRole('button', { name: 'Again', exact: true }).waitFor();
      seen.push(await question());
      await page.keyboard.press(key);
      await expect.poll(question).not.toBe(seen.at(-1));
    }
    expect(new Set(seen).size).toBe(5);
    // Durable before the next card showed: five log entries, five schedules.
    expect(await readStore(page, 'reviews')).toHaveLength(5);

    await page.reload();
    await page.getByRole('heading', { name: 'Review', level: 1 }).waitFor();
    // 20 new a day, 5 introduced: 15 new left, plus the two graded Good (learning, back in 10 minutes:
    // within the 20-minute learn-ahead, as in Anki). The three graded Easy are due in days.
    await expect.poll(dueInBar, { timeout: 15_000 }).toBe(17);
    const schedules = await readStore(page, 'schedule');
    expect(schedules).toHaveLength(5);
    expect(schedules.filter((s) => s.state === 2)).toHaveLength(3);
    expect(schedules.filter((s) => s.state === 1)).toHaveLength(2);
    const first = await question();
    expect(seen).not.toContain(first);
    await expect.poll(() => page.locator('.review-counts').innerText()).toContain('New 15');
  });

  it('undoes the last grade: the card comes back and the count is restored', async () => {
    const before = await question();
    const due = await dueNow();
    await page.getByRole('button', { name: 'Show answer', exact: true }).tap();
    await page.getByRole('button', { name: 'Easy', exact: true }).tap();
    await expect.poll(question).not.toBe(before);
    await expect.poll(dueInBar, { timeout: 15_000 }).toBe(due - 1);
    await page.getByRole('button', { name: 'Undo', exact: true }).tap();
    await expect.poll(question).toBe(before);
    await expect.poll(dueInBar, { timeout: 15_000 }).toBe(due);
    const log = await readStore(page, 'reviews');
    expect(log).toHaveLength(6);
    expect(log.filter((e) => e.undone)).toHaveLength(1);
  });

  it('two tabs showing the same card: the second grade is refused, counted once, and the other tab moves on', async () => {
    await page.goto(`${app.server.url}/review`);
    const other = await app.context.newPage();
    try {
      await other.goto(`${app.server.url}/review`);
      const q = () => page.locator('.review-card .card-q').innerText();
      await expect.poll(q).not.toBe('');
      await expect.poll(() => other.locator('.review-card .card-q').innerText()).toBe(await q());
      const shared = await q();
      const before = (await readStore(page, 'reviews')).length;
      await page.getByRole('button', { name: 'Show answer', exact: true }).tap();
      await other.getByRole('button', { name: 'Show answer', exact: true }).tap();
      await page.getByRole('button', { name: 'Easy', exact: true }).tap();
      await expect.poll(q).not.toBe(shared);
      await other.getByRole('button', { name: 'Good', exact: true }).tap();
      await expect.poll(() => other.locator('.review-notice').innerText()).toBe('This card was just graded in another tab; that grade stands.');
      await expect.poll(() => other.locator('.review-card .card-q').innerText()).not.toBe(shared);
      const log = await readStore(page, 'reviews');
      expect(log).toHaveLength(before + 1);
      expect(log.filter((e) => e.grade === 4 && !e.undone).length).toBeGreaterThan(0);
    } finally {
      await other.close();
    }
  });

  it('two tabs grading different cards at the same moment: both grades are kept, each counted once', async () => {
    const second = manifest.chapters.find((c) => c.id !== CHAPTER && c.cardCount > 0)!.id;
    await page.goto(`${app.server.url}/review?deck=chapter:${CHAPTER}`);
    const other = await app.context.newPage();
    try {
      await other.goto(`${app.server.url}/review?deck=chapter:${second}`);
      const qa = () => page.locator('.review-card .card-q').innerText();
      const qb = () => other.locator('.review-card .card-q').innerText();
      await expect.poll(qa).not.toBe('');
      await expect.poll(qb).not.toBe('');
      const [a, b] = [await qa(), await qb()];
      expect(a).not.toBe(b);
      const before = await readStore(page, 'reviews');
      await page.getByRole('button', { name: 'Show answer', exact: true }).tap();
      await other.getByRole('button', { name: 'Show answer', exact: true }).tap();
      await Promise.all([page.getByRole('button', { name: 'Good', exact: true }).tap(), other.getByRole('button', { name: 'Easy', exact: true }).tap()]);
      await expect.poll(qa).not.toBe(a);
      await expect.poll(qb).not.toBe(b);
      const added = (await readStore(page, 'reviews')).filter((e) => !before.some((x) => x.id === e.id));
      expect(added.map((e) => e.grade).sort()).toEqual([3, 4]);
      expect(new Set(added.map((e) => e.cardId)).size).toBe(2);
      const schedules = await readStore(page, 'schedule');
      for (const e of added) expect(schedules.find((s) => s.cardId === e.cardId)?.reps).toBe((e.after as { reps: number }).reps);
      expect(await page.locator('.review-notice').innerText()).toBe('');
      expect(await other.locator('.review-notice').innerText()).toBe('');
    } finally {
      await other.close();
    }
  });

  it('shows the chapter’s counts and “Review this chapter” in the reader', async () => {
    await page.goto(`${app.server.url}/read/${CHAPTER}`);
    const line = page.locator('.chapter-study');
    await line.waitFor();
    const cards = manifest.chapters.find((c) => c.id === CHAPTER)!.cardCount;
    expect(await line.innerText()).toContain(`${cards} cards`);
    await page.getByRole('link', { name: 'Review this chapter', exact: true }).tap();
    await page.getByRole('heading', { name: 'Review', level: 1 }).waitFor();
    expect(new URL(page.url()).search).toBe(`?deck=chapter:${CHAPTER}`);
    await page.locator('.review-card').waitFor();
  });

  it('makes a card from a highlight; it appears in Review (My cards) and in the Notebook', async () => {
    const [phrase] = phrasesOf(DIST, CHAPTER, 1);
    await page.goto(`${app.server.url}/read/${CHAPTER}`);
    await page.locator('article h1').waitFor();
    await selectPhrase(page, 'article p', phrase!);
    await page.getByRole('toolbar', { name: 'Selected text' }).getByRole('button', { name: 'Highlight', exact: true }).tap();
    await page.locator('mark.hl').first().tap();
    const panel = page.getByRole('dialog', { name: 'Highlight' });
    await panel.getByRole('button', { name: 'Make a card', exact: true }).tap();
    expect(await panel.getByRole('textbox', { name: 'Answer' }).inputValue()).toBe(phrase);
    await panel.getByRole('button', { name: 'Save card', exact: true }).tap();
    await expect.poll(() => panel.getByRole('alert').innerText()).toBe('Write a question first.');
    await panel.getByRole('textbox', { name: 'Question' }).fill('What does the **evaluation** passage say?');
    await panel.getByRole('button', { name: 'Save card', exact: true }).tap();
    await expect.poll(() => panel.getByRole('status').innerText()).toContain('Card saved');

    await page.goto(`${app.server.url}/review?deck=mine`);
    await page.locator('.review-card, .caught-up').first().waitFor();
    await expect.poll(() => page.locator('.review-card .card-q strong').innerText()).toBe('evaluation');
    await page.getByRole('button', { name: 'Show answer', exact: true }).tap();
    await expect.poll(() => page.locator('.review-card .card-a').innerText()).toContain(phrase!.slice(0, 20));
    expect(await page.getByRole('link', { name: 'Open in the guide', exact: true }).getAttribute('href')).toMatch(new RegExp(`^/read/${CHAPTER}#hl-`));

    await page.goto(`${app.server.url}/notebook`);
    await page.getByRole('button', { name: 'Cards', exact: true }).tap();
    await expect.poll(() => page.locator('.nb-cards').innerText()).toContain('What does the evaluation passage say?');

    // And in the Notebook's exports: Markdown under "My cards", CSV as a row with status "card".
    const [md] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export Markdown', exact: true }).tap()]);
    const markdown = readFileSync((await md.path())!, 'utf8');
    expect(markdown).toContain('## My cards');
    expect(markdown).toContain('**Q:** What does the **evaluation** passage say?');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV', exact: true }).tap()]);
    const rows = readFileSync((await csv.path())!, 'utf8').split('\r\n');
    expect(rows[0]).toBe('id,chapter,chapter_title,section,colour,quote,note,status,created,modified');
    const row = rows.find((r) => r.includes('What does the **evaluation** passage say?'));
    expect(row).toBeDefined();
    expect(row).toMatch(new RegExp(`^[0-9a-f-]{36},${CHAPTER},`));
    expect(row).toContain(',card,');
    expect(row).toContain(phrase!.slice(0, 20));
  });

  it('exports every card for Anki: headers, one note per card, stable guids', async () => {
    await page.goto(`${app.server.url}/review`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export cards for Anki', exact: true }).tap()]);
    const text = readFileSync((await download.path())!, 'utf8');
    const lines = text.trimEnd().split('\n');
    expect(lines.slice(0, 6)).toEqual(['#separator:tab', '#html:true', '#guid column:1', '#notetype column:2', '#deck column:3', '#tags column:4']);
    const notes = lines.slice(6);
    expect(notes).toHaveLength(TOTAL + 1);
    for (const n of notes) expect(n.split('\t')).toHaveLength(6);
    const guids = notes.map((n) => n.split('\t')[0]);
    expect(new Set(guids).size).toBe(notes.length);
    const mine = notes.find((n) => n.includes('my-card'))!;
    expect(mine.split('\t')[4]).toContain('<strong>evaluation</strong>');
    const [again] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export cards for Anki', exact: true }).tap()]);
    const guids2 = readFileSync((await again.path())!, 'utf8').trimEnd().split('\n').slice(6).map((n) => n.split('\t')[0]);
    expect(guids2).toEqual(guids);
    expect(app.watch.violations).toEqual([]);
    expect(app.watch.errors).toEqual([]);
  });

  it('has no axe violations on Review (question and answer), Statistics, the library, Settings and the Notebook’s cards, light and dark', async () => {
    const found: string[] = [];
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const check = async (label: string) => (await axe(page)).forEach((v) => found.push(`${scheme} ${label}: ${v}`));
      await page.goto(`${app.server.url}/review`);
      await page.getByRole('button', { name: 'Show answer', exact: true }).waitFor();
      await check('review question');
      await page.getByRole('button', { name: 'Show answer', exact: true }).tap();
      await page.getByRole('button', { name: 'Good', exact: true }).waitFor();
      await check('review answer');
      await page.goto(`${app.server.url}/stats`);
      await page.getByRole('heading', { name: 'Cards by state' }).waitFor();
      await check('stats');
      await page.goto(`${app.server.url}/`);
      await page.locator('.library-study').waitFor();
      await check('library');
      await page.goto(`${app.server.url}/settings`);
      await page.getByRole('spinbutton', { name: 'New cards per day' }).waitFor();
      await check('settings');
      await page.goto(`${app.server.url}/notebook`);
      await page.getByRole('button', { name: 'Cards', exact: true }).tap();
      await page.locator('.nb-card').first().waitFor();
      await check('notebook cards');
    }
    expect(found).toEqual([]);
  });

  it('keeps the settings: fewer new cards a day lowers the count; a bad value is refused in plain words', async () => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(`${app.server.url}/settings`);
    const before = await dueNow();
    const field = page.getByRole('spinbutton', { name: 'New cards per day' });
    await field.fill('-3');
    await field.press('Tab');
    await expect.poll(() => page.locator('#study-newPerDay-hint').innerText()).toBe('Enter a whole number from 0 to 9999.');
    await field.fill('10');
    await field.press('Tab');
    await page.goto(`${app.server.url}/`);
    await expect.poll(dueInBar, { timeout: 15_000 }).toBe(before - 10);
    await page.goto(`${app.server.url}/settings`);
    expect(await page.getByRole('spinbutton', { name: 'New cards per day' }).inputValue()).toBe('10');
  });

  it('carries the study settings in the JSON backup: exported, and imported back once this device lost them', async () => {
    await page.goto(`${app.server.url}/notebook`);
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export backup (JSON)', exact: true }).tap()]);
    const file = (await dl.path())!;
    const backup = JSON.parse(readFileSync(file, 'utf8')) as { 'mlsd:data'?: { studySettings?: unknown[] } };
    expect(backup['mlsd:data']?.studySettings).toEqual([{ newPerDay: 10, maxReviewsPerDay: 200, retention: 0.9, updatedAt: expect.any(Number) }]);
    // The site's settings are cleared on this device: back to the defaults…
    await page.evaluate(() => localStorage.removeItem('mlsd-pocket:study-settings'));
    await page.goto(`${app.server.url}/settings`);
    expect(await page.getByRole('spinbutton', { name: 'New cards per day' }).inputValue()).toBe('20');
    // …and the backup brings them back.
    await page.goto(`${app.server.url}/notebook`);
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByText(/Also .*1 new and 0 updated study settings/).waitFor();
    await page.goto(`${app.server.url}/settings`);
    expect(await page.getByRole('spinbutton', { name: 'New cards per day' }).inputValue()).toBe('10');
  });
});
