import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type AppSession } from '../support/app-session.ts';
import { TABLET } from '../support/browser.ts';

/** The review log as stored (what is durable, not what the screen says). */
const storedReviews = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<{ cardId: string; grade: number; undone?: boolean }[]>((resolve, reject) => {
        const open = indexedDB.open('mlsd-pocket');
        open.onsuccess = () => {
          const req = open.result.transaction('reviews').objectStore('reviews').getAll();
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result as { cardId: string; grade: number; undone?: boolean }[]);
          };
          req.onerror = () => reject(req.error);
        };
        open.onerror = () => reject(open.error);
      }),
  );

describe('study on a tablet (820×1180): reviewing with the keyboard alone, offline', () => {
  let app: AppSession;
  let page: Page;
  const question = () => page.locator('.review-card .card-q').innerText();
  const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

  beforeAll(async () => {
    app = await openApp(TABLET, { install: true });
    page = app.page;
    await app.offline(true);
  });
  afterAll(() => app?.close());

  it('Tab reaches Show answer, Enter and Space reveal, 1–4 and Enter on the focused Good grade; focus follows; Undo by keyboard', async () => {
    await page.goto(`${app.server.url}/review`);
    await page.locator('.review-card .card-q').waitFor();
    let tabs = 0;
    while ((await focused()) !== 'Show answer' && tabs++ < 40) await page.keyboard.press('Tab');
    expect(await focused()).toBe('Show answer');

    const seen: string[] = [];
    // [key that reveals, key that grades, the grade it stores]
    const steps: [string, string, number][] = [
      ['Enter', '2', 2],
      ['Space', 'Enter', 3], // Enter on the focused "Good"
      ['Space', '4', 4],
      ['Space', '1', 1],
    ];
    for (const [reveal, gradeKey] of steps) {
      seen.push(await question());
      await page.keyboard.press(reveal);
      await page.getByRole('button', { name: 'Again', exact: true }).waitFor();
      // Focus moves to Good, so Enter grades Good and the digits work from there.
      await expect.poll(focused).toBe('Good');
      // The four grades fit the tablet's screen with the answer shown, each a full-size target.
      for (const name of ['Again', 'Hard', 'Good', 'Easy']) {
        const box = (await page.getByRole('button', { name, exact: true }).boundingBox())!;
        expect(box.y + box.height).toBeLessThanOrEqual(1180);
        expect(box.height).toBeGreaterThanOrEqual(44);
      }
      await page.keyboard.press(gradeKey);
      await expect.poll(question).not.toBe(seen.at(-1));
      // Back on Show answer for the next card.
      await expect.poll(focused).toBe('Show answer');
    }
    expect(new Set(seen).size).toBe(4);
    const log = await storedReviews(page);
    expect(log.map((e) => e.grade)).toEqual(expect.arrayContaining(steps.map((s) => s[2])));
    expect(log).toHaveLength(4);

    // Undo from the keyboard: the last card (graded Again) comes back.
    await page.getByRole('button', { name: 'Undo', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(question).toBe(seen.at(-1));
    await expect.poll(async () => (await storedReviews(page)).filter((e) => e.undone).map((e) => e.grade)).toEqual([1]);
    expect(app.watch.errors).toEqual([]);
    expect(app.watch.violations).toEqual([]);
  });
});
