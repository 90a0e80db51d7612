import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContentManifest } from '../../src/shared/content-types.ts';
import { DIST, openApp, type AppSession } from '../support/app-session.ts';
import { PHONE } from '../support/browser.ts';
import { readManifest } from '../support/dist-variants.ts';

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

/** Minutes and seconds shown by a clock, as seconds. */
const seconds = (text: string) => {
  const m = /(\d+):(\d\d)$/.exec(text.trim());
  return m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
};

const HOSTILE = '**Users** 200M <img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';

describe('mock interview on a phone, offline', () => {
  let app: AppSession;
  let page: Page;
  const manifest: ContentManifest = readManifest(DIST);
  const theCase = manifest.chapters.find((c) => c.part === 'cases' && c.checkpoints)!;
  const cases = manifest.chapters.filter((c) => c.part === 'cases');
  const url = (path: string) => `${app.server.url}${path}`;
  const answer = (n: number, name: string) => page.getByLabel(`Your answer for Step ${n}: ${name}`, { exact: true });

  beforeAll(async () => {
    app = await openApp(PHONE, { install: true });
    page = app.page;
    await app.offline(true);
  });
  afterAll(() => app?.close());

  it('lists every case and prompt at /practice, reachable from the library, filterable by family', async () => {
    expect(theCase, 'a case study with a rubric').toBeTruthy();
    await page.goto(url('/'));
    await page.getByRole('main').getByRole('link', { name: 'Practice', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Practice' }).waitFor();
    const all = manifest.chapters.filter((c) => c.part === 'cases' || c.part === 'prompts');
    await expect.poll(() => page.locator('.prompt-link').count()).toBe(all.length);
    expect(manifest.chapters.some((c) => c.part === 'prompts')).toBe(true);
    await page.getByRole('link', { name: 'Trust and safety', exact: true }).click();
    await page.waitForURL(/\/practice\?family=trust$/);
    const trust = all.filter((c) => c.family === 'trust');
    await expect.poll(() => page.locator('.prompt-link').count()).toBe(trust.length);
    expect(await axe(page)).toEqual([]);
    // Prompts are not in the library's reading list.
    await page.goto(url('/'));
    await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
    const prompt = manifest.chapters.find((c) => c.part === 'prompts')!;
    expect(await page.locator(`a[href="/read/${prompt.id}"]`).count()).toBe(0);
  });

  it('starts a 45-minute interview from "Practise this case", keeps time and text through a reload, offline', async () => {
    await page.goto(url(`/read/${theCase.id}`));
    await page.getByRole('link', { name: 'Practise this case' }).click();
    await page.getByRole('heading', { level: 1, name: theCase.title }).waitFor();
    // The walk-through stays hidden: no step section of the case is on the prompt page.
    expect(await page.locator('[id$="4-develop-the-model"], [id$="5-evaluate"]').count()).toBe(0);
    await page.getByRole('button', { name: 'Start a 60-minute interview' }).waitFor();
    expect(await axe(page)).toEqual([]);
    await page.getByRole('button', { name: 'Start a 45-minute interview' }).click();
    await answer(1, 'Clarify requirements').waitFor();
    await page.getByRole('heading', { name: 'Step 1: Clarify requirements' }).waitFor();
    const left = page.locator('[data-clock="overall"]');
    expect(seconds(await left.innerText())).toBeGreaterThan(44 * 60);
    await expect.poll(async () => seconds(await page.locator('[data-clock="step"]').innerText())).toBeLessThan(5 * 60);
    expect(await page.getByText('Guiding questions').isVisible()).toBe(true);
    expect(await page.getByText('Which proxy could diverge').isVisible()).toBe(false);
    await answer(1, 'Clarify requirements').fill('Goal: watch time. ' + 'Very long answer. '.repeat(2000));
    await page.getByRole('button', { name: 'Next step' }).click();
    // The new step's field takes the focus, and its label names the step (what a screen reader says).
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('answer-2');
    await answer(2, 'Frame it as an ML task').fill(HOSTILE);
    await page.getByText('Saved on this device').waitFor();
    await page.waitForTimeout(2200);
    const before = seconds(await left.innerText());
    await page.reload();
    await answer(2, 'Frame it as an ML task').waitFor();
    expect(await answer(2, 'Frame it as an ML task').inputValue()).toBe(HOSTILE);
    const after = seconds(await page.locator('[data-clock="overall"]').innerText());
    expect(after).toBeLessThanOrEqual(before);
    expect(after).toBeGreaterThan(before - 30);
    // Typed and reloaded at once, before the save's pause: every word is kept (the page's last
    // request needs no answer; a read-then-write never came back and the words were lost).
    await answer(2, 'Frame it as an ML task').fill(`${HOSTILE} And one line more.`);
    await page.reload();
    await answer(2, 'Frame it as an ML task').waitFor();
    expect(await answer(2, 'Frame it as an ML task').inputValue()).toBe(`${HOSTILE} And one line more.`);
    // …and a line taken out again, just as fast.
    await answer(2, 'Frame it as an ML task').fill(HOSTILE);
    await page.reload();
    await answer(2, 'Frame it as an ML task').waitFor();
    expect(await answer(2, 'Frame it as an ML task').inputValue()).toBe(HOSTILE);
    await page.getByText('Your earlier steps').click();
    expect((await answer(1, 'Clarify requirements').inputValue()).length).toBe('Goal: watch time. '.length + 'Very long answer. '.length * 2000);
    // Pause stops the clock.
    await page.getByRole('button', { name: 'Pause' }).click();
    const paused = await page.locator('[data-clock="overall"]').innerText();
    await page.waitForTimeout(1500);
    expect(await page.locator('[data-clock="overall"]').innerText()).toBe(paused);
    await page.getByRole('button', { name: 'Resume' }).click();
    expect(await axe(page)).toEqual([]);
  });

  it('finishes, ticks checkpoints and shows the score; hostile HTML never runs', async () => {
    await page.getByRole('button', { name: 'Finish' }).click();
    await page.getByRole('button', { name: 'Finish now' }).click();
    await page.getByRole('heading', { name: 'Step 1: Clarify requirements' }).waitFor();
    const score = page.locator('[data-score="overall"]');
    await expect.poll(() => score.innerText()).toMatch(new RegExp(`^Score: 0 of ${theCase.checkpoints} checkpoints \\(0%\\)$`));
    const step1 = page.locator('section.review-step').first();
    const boxes = step1.getByRole('checkbox');
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    const pct = Math.round((200 / theCase.checkpoints!));
    await expect.poll(() => score.innerText()).toBe(`Score: 2 of ${theCase.checkpoints} checkpoints (${pct}%)`);
    await step1.getByText(/^2 of \d covered$|· 2 of \d covered/).first().waitFor();
    // The answer is rendered through the sanitizer: Markdown bold, no image, no script.
    const step2 = page.locator('section.review-step').nth(1);
    await step2.locator('.answer-md strong').waitFor();
    expect(await step2.locator('.answer-md img, .answer-md script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(app.watch.violations).toEqual([]);
    await page.getByRole('heading', { name: 'What you missed' }).waitFor();
    expect(await page.locator('.missed li').count()).toBe(theCase.checkpoints! - 2);
    expect(await axe(page)).toEqual([]);
    // The ticks are saved: after a reload the score is the same.
    await page.waitForTimeout(800);
    await page.reload();
    await expect.poll(() => page.locator('[data-score="overall"]').innerText()).toBe(`Score: 2 of ${theCase.checkpoints} checkpoints (${pct}%)`);
  });

  it('keeps the attempt in the history and in the stored attempts', async () => {
    await page.goto(url('/practice/history'));
    await page.getByRole('heading', { level: 1, name: 'Your attempts' }).waitFor();
    await page.getByRole('heading', { level: 2, name: theCase.title }).waitFor();
    expect(await page.locator('.attempt-link').first().innerText()).toMatch(/45 min · score \d+% \(2 of \d+\)/);
    expect(await axe(page)).toEqual([]);
    const stored = await page.evaluate(
      () =>
        new Promise<{ promptId: string; ticked: string[]; steps: { answer: string }[] }[]>((resolve, reject) => {
          const open = indexedDB.open('mlsd-pocket');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const req = open.result.transaction('attempts').objectStore('attempts').getAll();
            req.onsuccess = () => resolve(req.result);
            req.onerror = () => reject(req.error);
          };
        }),
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]!.promptId).toBe(theCase.id);
    expect(stored[0]!.ticked).toHaveLength(2);
    expect(stored[0]!.steps[1]!.answer).toBe(HOSTILE);

    // In the backup file, whole; cleared and imported back, it is the same attempt.
    await page.goto(url('/notebook'));
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export backup (JSON)' }).tap()]);
    const file = await dl.path();
    const backup = JSON.parse(readFileSync(file, 'utf8')) as { 'mlsd:data'?: { attempts?: typeof stored } };
    expect(backup['mlsd:data']?.attempts).toEqual(stored);
    // Imported back (edited in the file, so newer), it replaces the stored attempt by id: no duplicate.
    const edited = JSON.parse(readFileSync(file, 'utf8')) as { 'mlsd:data': { attempts: { updatedAt: number; steps: { answer: string }[] }[] } };
    const one = edited['mlsd:data'].attempts[0]!;
    one.steps[0]!.answer = 'Edited in the backup file';
    one.updatedAt += 1000;
    const editedFile = join(tmpdir(), `practice-backup-${process.pid}.json`);
    writeFileSync(editedFile, JSON.stringify(edited));
    await page.locator('input[type=file]').setInputFiles(editedFile);
    await page.getByText(/Also 0 new and 1 updated attempt\./).waitFor();
    unlinkSync(editedFile);
    await page.goto(url('/practice/history'));
    await page.getByRole('heading', { level: 2, name: theCase.title }).waitFor();
    await page.locator('.attempt-link').first().click();
    await page.getByText('Edited in the backup file').waitFor();
    await page.goto(url('/practice/history'));
    await page.getByRole('heading', { level: 2, name: theCase.title }).waitFor();
    expect(await page.locator('.attempt-link').count()).toBe(1);
  });

  it('a prompt-only entry: a 60-minute interview, then a review that points at the guide sections', async () => {
    const prompt = manifest.chapters.find((c) => c.part === 'prompts' && c.checkpoints)!;
    await page.goto(url(`/practice/${prompt.id}`));
    await page.getByRole('heading', { level: 2, name: 'The brief' }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Scale' }).waitFor();
    await page.getByRole('button', { name: 'Start a 60-minute interview' }).click();
    await answer(1, 'Clarify requirements').fill('Ask about the goal.');
    expect(seconds(await page.locator('[data-clock="overall"]').innerText())).toBeGreaterThan(59 * 60);
    expect(seconds(await page.locator('[data-clock="step"]').innerText())).toBeGreaterThan(5 * 60);
    await page.getByRole('button', { name: 'Finish' }).click();
    await page.getByRole('button', { name: 'Finish now' }).click();
    await expect.poll(() => page.locator('[data-score="overall"]').innerText()).toBe(`Score: 0 of ${prompt.checkpoints} checkpoints (0%)`);
    const first = page.locator('section.review-step').first();
    await first.getByRole('heading', { level: 3, name: 'What a strong answer covers' }).waitFor();
    const links = first.locator('.taught a');
    expect(await links.count()).toBeGreaterThanOrEqual(3);
    expect(await links.first().getAttribute('href')).toMatch(/^\/read\/[a-z0-9-]+#[a-z0-9-]+$/);
    await page.getByRole('button', { name: 'Make cards from what I missed' }).click();
    await page.getByText(`Made ${prompt.checkpoints} cards. They are in Review, under your own cards.`).waitFor();
    const made = await page.evaluate(
      () =>
        new Promise<{ chapterId: string | null; sectionId: string | null; answer: string }[]>((resolve, reject) => {
          const open = indexedDB.open('mlsd-pocket');
          open.onsuccess = () => {
            const req = open.result.transaction('cards').objectStore('cards').getAll();
            req.onsuccess = () => resolve(req.result);
            req.onerror = () => reject(req.error);
          };
        }),
    );
    expect(made).toHaveLength(prompt.checkpoints!);
    expect(made.every((c) => c.chapterId && c.sectionId && c.answer.includes(`/read/${c.chapterId}#${c.sectionId}`))).toBe(true);
    // Asked again: no duplicates.
    await page.getByRole('button', { name: 'Make cards from what I missed' }).click();
    await page.getByText('Cards for every checkpoint you missed were already made from this attempt.').waitFor();
  });

  it('the clock ignores the device clock jumping forward, and never goes negative when it jumps back across a reload', async () => {
    const prompt = manifest.chapters.find((c) => c.part === 'prompts')!;
    const p2 = await app.context.newPage();
    try {
      await p2.goto(url(`/practice/${prompt.id}`));
      await p2.getByRole('button', { name: 'Start a 45-minute interview' }).click();
      const left = p2.locator('[data-clock="overall"]');
      await left.waitFor();
      // The device clock jumps an hour forward while the interview runs.
      await p2.evaluate(() => {
        const real = Date.now.bind(Date);
        Date.now = () => real() + 3_600_000;
      });
      await p2.waitForTimeout(2500);
      const afterJump = seconds(await left.innerText());
      expect(afterJump).toBeGreaterThan(44 * 60);
      expect(afterJump).toBeLessThan(45 * 60);
      // Reopened with the clock set two hours back: never negative; at most the seconds since the
      // last save (the clock is saved every 30 s and on the way out) go uncounted.
      await p2.addInitScript(() => {
        const real = Date.now.bind(Date);
        Date.now = () => real() - 7_200_000;
      });
      await p2.reload();
      await left.waitFor();
      const afterReload = seconds(await left.innerText());
      expect(afterReload).toBeLessThanOrEqual(45 * 60);
      expect(afterReload).toBeLessThanOrEqual(afterJump + 30);
      expect(afterReload).toBeGreaterThan(44 * 60);
      expect(await left.innerText()).not.toMatch(/over/);
    } finally {
      await p2.close();
    }
  });

  it('the step lens shows one step from every case, reachable from the framework step chapter', async () => {
    const evaluate = manifest.chapters.find((c) => c.part === 'framework' && c.step === 5)!;
    await page.goto(url(`/read/${evaluate.id}`));
    await page.getByRole('link', { name: 'Read this step in every case' }).click();
    await page.getByRole('heading', { level: 1, name: '5. Evaluate' }).waitFor();
    await expect.poll(() => page.locator('section.lens-case').count(), { timeout: 20_000 }).toBe(cases.length);
    await expect.poll(() => page.locator('.lens-text').count(), { timeout: 20_000 }).toBe(cases.length);
    for (const c of cases) {
      await page.getByRole('heading', { level: 2, name: c.title, exact: true }).waitFor();
      expect(await page.locator(`a[href="/read/${c.id}#5-evaluate"]`).count()).toBe(1);
    }
    expect(await axe(page)).toEqual([]);
    expect(app.watch.errors).toEqual([]);
  });
});
