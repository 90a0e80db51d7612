import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type AppSession } from '../support/app-session.ts';
import { PHONE, TABLET } from '../support/browser.ts';

const SHOTS = process.env.MLSD_SHOTS; // a folder to save screenshots into, when set

/** Makes the page believe the browser offers installation (what Chromium does once the app is installable). */
const offerInstall = (page: Page) =>
  page.evaluate(() => {
    const e = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
      prompt: () => Promise.resolve(),
      userChoice: Promise.resolve({ outcome: 'dismissed' as const }),
    });
    dispatchEvent(e);
  });

/** The attempts in IndexedDB, as the app stored them. */
const storedAttempts = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<{ id: string; currentStep: number; answers: string[] }[]>((resolve, reject) => {
        const open = indexedDB.open('mlsd-pocket');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('attempts').objectStore('attempts').getAll();
          req.onsuccess = () => resolve(req.result.map((a: { id: string; currentStep: number; steps: { answer: string }[] }) => ({ id: a.id, currentStep: a.currentStep, answers: a.steps.map((x) => x.answer) })));
          req.onerror = () => reject(req.error);
        };
      }),
  );

/** Every control of the top bar: its accessible name and box. */
const barControls = (page: Page) =>
  page.locator('header.topbar nav > a, header.topbar nav > button').evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { name: el.getAttribute('aria-label') ?? (el.textContent ?? '').trim(), left: r.left, right: r.right, width: r.width, height: r.height };
    }),
  );

describe('on a phone, offline', () => {
  let app: AppSession;
  let page: Page;
  beforeAll(async () => {
    app = await openApp(PHONE, { install: true });
    page = app.page;
    await app.offline(true);
  });
  afterAll(() => app?.close());

  it('gives the home link and every icon a 44×44 target, and Install one icon’s room, all inside the screen', async () => {
    await page.goto(`${app.server.url}/`);
    await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
    await offerInstall(page);
    const install = page.getByRole('button', { name: 'Install', exact: true });
    await install.waitFor();
    const controls = await barControls(page);
    expect(controls.map((c) => c.name)).toEqual(['MLSD Pocket', 'Install', 'Search', expect.stringMatching(/^Review/), 'Practice', 'Notebook', 'Settings']);
    for (const c of controls) {
      expect(c.width, `${c.name} width`).toBeGreaterThanOrEqual(44);
      expect(c.height, `${c.name} height`).toBeGreaterThanOrEqual(44);
      expect(c.left, `${c.name} left`).toBeGreaterThanOrEqual(0);
      expect(c.right, `${c.name} right`).toBeLessThanOrEqual(PHONE.viewport.width);
    }
    // Install is as wide as one icon, not two.
    expect(controls[1]!.width).toBeLessThanOrEqual(48);
    // No two targets overlap.
    for (let i = 1; i < controls.length; i++) expect(controls[i]!.left).toBeGreaterThanOrEqual(controls[i - 1]!.right - 0.5);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/phone-topbar-install.png`, clip: { x: 0, y: 0, width: 412, height: 120 } });
  });

  it('statistics with no reviews say so plainly and point to Review', async () => {
    await page.goto(`${app.server.url}/stats`);
    await page.getByRole('heading', { level: 1, name: 'Study statistics' }).waitFor();
    await page.getByText(/^No reviews yet\./).waitFor();
    const text = await page.getByRole('main').innerText();
    expect(text).not.toContain('—');
    expect(text).not.toMatch(/over 0 reviews/);
    expect(text).not.toContain('True retention');
    await page.getByRole('main').getByRole('link', { name: 'Go to Review' }).click();
    await page.waitForURL(/\/review$/);
  });

  it('the history says a step still under way is in progress, not 0:00', async () => {
    await page.goto(`${app.server.url}/practice`);
    await page.locator('.prompt-link').first().click();
    await page.getByRole('button', { name: 'Start a 45-minute interview' }).click();
    await page.getByLabel('Your answer for Step 1: Clarify requirements', { exact: true }).fill('Who are the users?');
    await page.getByRole('button', { name: 'Next step' }).click();
    await page.getByRole('heading', { name: /^Step 2:/ }).waitFor();
    await page.getByText('Saved on this device').waitFor();
    await page.goto(`${app.server.url}/practice/history`);
    const times = page.locator('.attempt-link .step-times').first();
    await expect.poll(() => times.innerText()).toMatch(/^1: \d+:\d\d · 2: in progress$/);
    expect(await page.locator('.attempt-link .meta').first().innerText()).toMatch(/^today at \d/);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/phone-history-in-progress.png` });
  });

  it('a double tap on Start begins one interview, not two', async () => {
    const before = (await storedAttempts(page)).length;
    await page.goto(`${app.server.url}/practice`);
    await page.locator('.prompt-link').nth(1).click();
    const start = page.getByRole('button', { name: 'Start a 45-minute interview' });
    await start.waitFor();
    await start.evaluate((b: HTMLButtonElement) => {
      b.click();
      b.click();
    });
    await page.getByLabel('Your answer for Step 1: Clarify requirements', { exact: true }).waitFor();
    await page.waitForTimeout(500);
    expect((await storedAttempts(page)).length).toBe(before + 1);
  });

  it('one interview in two tabs: Next step and words from either tab survive the other tab saving', async () => {
    const first = page.getByLabel('Your answer for Step 1: Clarify requirements', { exact: true });
    await first.fill('typed in tab one');
    await page.getByText('Saved on this device').waitFor();
    const id = page.url().split('/').pop()!;
    const tab2 = await app.context.newPage();
    try {
      await tab2.goto(page.url());
      const again = tab2.getByLabel('Your answer for Step 1: Clarify requirements', { exact: true });
      await again.waitFor();
      expect(await again.inputValue()).toBe('typed in tab one');
      await again.fill('typed in tab one, then in tab two');
      await tab2.getByText('Saved on this device').waitFor();
      await tab2.getByRole('button', { name: 'Next step' }).click();
      // Tab one follows at once...
      await page.getByRole('heading', { name: /^Step 2:/ }).waitFor();
      // ...and its save on the way to the background writes nothing stale.
      await page.evaluate(() => {
        Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
        document.dispatchEvent(new Event('visibilitychange'));
      });
      await page.waitForTimeout(1000);
      const stored = (await storedAttempts(tab2)).find((a) => a.id === id)!;
      expect(stored.currentStep).toBe(2);
      expect(stored.answers[0]).toBe('typed in tab one, then in tab two');
    } finally {
      await tab2.close();
      await page.reload();
    }
  });

  it('a prompt page open in another tab stops offering "Continue your interview" once that interview is finished', async () => {
    const from = page.url();
    await page.goto(`${app.server.url}/practice`);
    await page.locator('.prompt-link').nth(2).click();
    const start = page.getByRole('button', { name: 'Start a 45-minute interview' });
    await start.waitFor();
    const promptUrl = page.url();
    await start.click();
    await page.getByLabel('Your answer for Step 1: Clarify requirements', { exact: true }).fill('A short one.');
    await page.getByText('Saved on this device').waitFor();
    const other = await app.context.newPage();
    try {
      await other.goto(promptUrl);
      const carryOn = other.getByRole('link', { name: 'Continue your interview' });
      await carryOn.waitFor();
      await page.getByRole('button', { name: 'Finish', exact: true }).click();
      await page.getByRole('button', { name: 'Finish now' }).click();
      await expect.poll(() => carryOn.count(), { timeout: 10_000 }).toBe(0);
    } finally {
      await other.close();
      await page.goto(from);
    }
  });

  it('an answer pasted past the limit is cut at the limit and says so, so the attempt always restores and syncs', async () => {
    const field = page.getByLabel(/^Your answer for Step 2:/);
    await field.fill('x'.repeat(45_000));
    expect((await field.inputValue()).length).toBe(40_000);
    await page.getByText('This answer is at its limit of 40,000 characters; anything pasted past it was not added.').waitFor();
    await page.getByText('Saved on this device').waitFor();
    const id = page.url().split('/').pop()!;
    expect((await storedAttempts(page)).find((a) => a.id === id)!.answers[1]!.length).toBe(40_000);
  });

  it('the review of huge answers, a long code line and a wide table stays inside the phone’s width', async () => {
    await page.getByText('Your earlier steps').click();
    const code = '```\n' + 'score = model(features) '.repeat(60) + '\n```\n\n| metric | ' + 'very wide column '.repeat(12) + '|\n|---|---|\n| a | b |\n';
    await page.getByLabel('Your answer for Step 1: Clarify requirements', { exact: true }).fill(code);
    await page.getByRole('button', { name: 'Finish' }).click();
    await page.getByRole('button', { name: 'Finish now' }).click();
    const first = page.locator('section.review-step').first();
    await first.locator('.answer-md pre').waitFor();
    await page.locator('section.review-step').nth(1).locator('.answer-md p').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBeLessThanOrEqual(0);
    // The code scrolls sideways in its own box.
    expect(await first.locator('.answer-md pre').evaluate((el) => el.scrollWidth > el.clientWidth && el.getBoundingClientRect().right <= innerWidth)).toBe(true);
    expect(await first.locator('.answer-md table').evaluate((el) => el.getBoundingClientRect().right <= innerWidth)).toBe(true);
    // A table cell keeps its words whole (it scrolls instead of breaking "metric" into letters).
    const metric = await first.locator('.answer-md th').first().evaluate((el) => {
      const r = document.createRange();
      r.selectNodeContents(el);
      return r.getClientRects().length;
    });
    expect(metric).toBe(1);
    if (SHOTS) await first.screenshot({ path: `${SHOTS}/phone-review-wide-answer.png` });
  });
});

describe('the top bar on a tablet', () => {
  let app: AppSession;
  beforeAll(async () => {
    app = await openApp(TABLET);
  });
  afterAll(() => app?.close());

  it('shows the app name and the word Install where there is room', async () => {
    const page = app.page;
    await page.goto(`${app.server.url}/`);
    await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
    await offerInstall(page);
    const install = page.getByRole('button', { name: 'Install', exact: true });
    await install.waitFor();
    expect((await page.locator('.install-label').boundingBox())!.width).toBeGreaterThan(20);
    expect((await install.boundingBox())!.width).toBeGreaterThan(60);
    expect(await page.locator('.brand span').isVisible()).toBe(true);
  });
});
