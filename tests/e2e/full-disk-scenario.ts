/**
 * The full-disk scenario, run by full-disk.test.ts inside a private mount namespace
 * (`unshare -m`) where DIR (argv[2]) is a small tmpfs: the Chromium profile lives on it (TMPDIR),
 * the disk is filled with `dd`, the user writes, the disk is freed, the page reloads. Prints one
 * JSON line of findings for the test to assert on.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { chromium, type BrowserContext } from 'playwright-core';
import { join } from 'node:path';
import { DIST, openApp } from '../support/app-session.ts';
import { CHROMIUM, PHONE } from '../support/browser.ts';
import { mirrorText, storedNotes, userCounts } from '../support/mirror-helpers.ts';
import { selectPhrase } from '../support/page-helpers.ts';
import { phrasesOf } from '../support/phrases.ts';

const DIR = process.argv[2]!;
/**
 * 'write-while-full' (default); 'reload-while-full': the page reloads before the disk is freed;
 * 'restart-while-full': the browser is closed and started again before the disk is freed.
 */
const MODE = process.argv[3] ?? 'write-while-full';
const CHAPTER = 'evaluate';
const BEFORE = 'Written before the disk filled.';
/** Long enough (40,000 characters) not to fit in the slack of a page LevelDB already holds. */
const DURING = `Typed while the disk was full. ${'Every word counts. '.repeat(2100)}`.trim();
const FILL = join(DIR, 'fill');
const freeDisk = () => {
  for (const name of readdirSync(DIR)) if (name.startsWith('fill.')) rmSync(join(DIR, name), { force: true });
};

async function main(): Promise<Record<string, unknown>> {
  const app = await openApp(PHONE, { install: true });
  const { server } = app;
  let page = app.page;
  let relaunched: BrowserContext | null = null;
  const found: Record<string, unknown> = {};
  // tsx keeps function names with an `__name` helper that page functions would miss in the page.
  await page.addInitScript({ content: 'window.__name = (f) => f;' });
  await page.evaluate('window.__name = (f) => f;');
  try {
    const [p1, p2, p3, p4] = phrasesOf(DIST, CHAPTER, 4);
    const toolbar = page.getByRole('toolbar', { name: 'Selected text' });
    const panel = page.getByRole('dialog', { name: 'Highlight' });
    await page.goto(`${server.url}/read/${CHAPTER}`);
    await page.locator('article h1').waitFor();
    await selectPhrase(page, 'article p', p1!);
    await toolbar.getByRole('button', { name: 'Highlight', exact: true }).tap();
    await selectPhrase(page, 'article p', p2!);
    await toolbar.getByRole('button', { name: 'Highlight green' }).tap();
    await selectPhrase(page, 'article p', p3!);
    await toolbar.getByRole('button', { name: 'Add note', exact: true }).tap();
    await panel.getByRole('textbox', { name: 'Note' }).fill(BEFORE);
    await panel.getByRole('button', { name: 'Done' }).tap();
    for (let i = 0; i < 100 && (await userCounts(page)).annotations !== 3; i++) await page.waitForTimeout(100);
    await page.waitForTimeout(500); // let the second copy follow
    found.before = await userCounts(page);

    // Fill the disk to the last byte, then write a long note. Chromium sometimes frees a little
    // space as it recovers from the failed write, and a save then fits: fill again and keep
    // typing (up to four rounds) until storage refuses a save, as a full disk would.
    const seen: string[] = [];
    let typed = '';
    for (let round = 0; round < 4 && !seen.some((t) => /out of storage space/.test(t)); round++) {
      for (const [bs, name] of [['1M', `${FILL}.${round}a`], ['4k', `${FILL}.${round}b`]] as const) {
        try {
          execFileSync('dd', ['if=/dev/zero', `of=${name}`, `bs=${bs}`], { stdio: 'ignore' });
        } catch {
          // dd stops with "No space left on device": that is the point.
        }
      }
      found.freeWhileFull ??= execFileSync('df', ['--output=avail', '-B1', DIR], { encoding: 'utf8' }).split('\n')[1]?.trim();
      if (round === 0) {
        await selectPhrase(page, 'article p', p4!);
        await toolbar.getByRole('button', { name: 'Add note', exact: true }).tap();
      }
      typed = round === 0 ? DURING : `${DURING} (round ${round + 1})`;
      await panel.getByRole('textbox', { name: 'Note' }).fill(typed);
      for (let i = 0; i < 16; i++) {
        // the save, its failure, retries (every 4 s)
        await page.waitForTimeout(500);
        const t = (await page.locator('.status').innerText()).trim();
        if (seen[seen.length - 1] !== t) seen.push(t);
        if (/out of storage space/.test(t) && found.beforeUnloadWarns === undefined) {
          // While the message shows, leaving the page must ask first (a synthetic beforeunload).
          found.beforeUnloadWarns = await page.evaluate(() => {
            const e = new Event('beforeunload', { cancelable: true });
            dispatchEvent(e);
            return e.defaultPrevented;
          });
        }
      }
    }
    await panel.getByRole('button', { name: 'Done' }).tap();
    found.typedWhileFull = typed;
    found.statusWhileFull = seen;
    found.countsWhileFull = await userCounts(page).catch((e: unknown) => String(e));
    found.notesWhileFull = await storedNotes(page).catch((e: unknown) => String(e));

    if (MODE === 'reload-while-full') {
      // The user leaves anyway (accepting the warning) and comes back while the disk is still full.
      page.on('dialog', (d) => void d.accept());
      await page.reload().catch(() => undefined);
      await page.waitForTimeout(4000);
      found.statusReloadedWhileFull = (await page.locator('.status').innerText().catch(() => '')).trim();
      found.countsReloadedWhileFull = await userCounts(page).catch((e: unknown) => String(e));
    }

    if (MODE === 'restart-while-full') {
      // The browser is closed (or crashes) and started again while the disk is still full.
      const profile = readdirSync(DIR).find((n) => n.startsWith('mlsd-chromium-'))!;
      await app.context.close();
      relaunched = await chromium.launchPersistentContext(join(DIR, profile), {
        executablePath: CHROMIUM, headless: true, ...PHONE,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      });
      page = relaunched.pages()[0] ?? (await relaunched.newPage());
      await page.addInitScript({ content: 'window.__name = (f) => f;' });
      await page.goto(`${server.url}/read/${CHAPTER}`).catch(() => undefined);
      await page.waitForTimeout(5000);
      found.statusRestartedWhileFull = (await page.locator('.status, .mirror-notice').allInnerTexts().catch(() => [])).join('\n').trim();
      found.countsRestartedWhileFull = await userCounts(page).catch((e: unknown) => String(e));
    }

    // Free the disk; saving resumes by itself.
    freeDisk();
    let cleared = false;
    for (let i = 0; i < 60 && !cleared; i++) {
      await page.waitForTimeout(500);
      cleared = !/out of storage space|kept on this screen/i.test(await page.locator('.status').innerText());
    }
    found.messageClearedAfterFree = cleared;
    found.statusAfterFree = await page.locator('.status').innerText();

    await page.reload();
    await page.locator('article h1').waitFor();
    await page.waitForTimeout(3000); // start-up check and any restore
    found.after = await userCounts(page).catch((e: unknown) => String(e));
    found.notesAfter = await storedNotes(page).catch(() => []);
    found.marksAfter = await page.locator('mark.hl').count();
    found.statusAfterReload = await page.locator('.status').innerText();
    found.mirrorText = (await mirrorText(page)).length;
    // Chromium's own console line about the disk ("Connection is closing because of: IO error …
    // FILE_ERROR_NO_SPACE") is the browser reporting the full disk, not an error of the app.
    found.browserDiskLines = app.watch.errors.filter((e) => /IO error|NO_SPACE/.test(e)).length;
    found.errors = app.watch.errors.filter((e) => !/IO error|NO_SPACE/.test(e));
    return found;
  } finally {
    freeDisk();
    await relaunched?.close();
    await app.close();
  }
}

main().then(
  (found) => {
    process.stdout.write(`FULL-DISK-RESULT ${JSON.stringify(found)}\n`);
    process.exit(0);
  },
  (err: unknown) => {
    process.stdout.write(`FULL-DISK-ERROR ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
