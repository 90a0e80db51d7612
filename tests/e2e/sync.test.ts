import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, openApp, type AppSession } from '../support/app-session.ts';
import { PHONE, TABLET } from '../support/browser.ts';
import { startCouch, type CouchServer } from '../support/couch-server.ts';
import { selectPhrase } from '../support/page-helpers.ts';
import { phrasesOf } from '../support/phrases.ts';

const USER = { name: 'ana', password: 'correct horse battery' };
const DB = 'mlsd-ana';
const CHAPTER = 'evaluate';

/** Settings → Sync, filled in and turned on; resolves when the status line says it synced. */
async function turnOnSync(page: Page, url: string, password = USER.password): Promise<void> {
  await page.goto(new URL('/settings', page.url()).href);
  await page.getByRole('heading', { name: 'Sync' }).waitFor();
  await page.getByRole('textbox', { name: 'Sync server' }).fill(url);
  await page.getByRole('textbox', { name: 'Username' }).fill(USER.name);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Turn on sync' }).click();
}

const status = (page: Page) => page.getByRole('status').filter({ hasText: /sync|Synced|Offline|refused|reached|Connecting/i }).first();

/** Every annotation in the page's IndexedDB (what the app itself would show after a reload). */
const storedNotes = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<{ id: string; note: string; exact: string | null }[]>((done, fail) => {
        const req = indexedDB.open('mlsd-pocket');
        req.onerror = () => fail(req.error);
        req.onsuccess = () => {
          const all = req.result.transaction('annotations').objectStore('annotations').getAll();
          all.onsuccess = () => {
            done((all.result as { id: string; note: string; anchor: { quote: { exact: string } } | null }[]).map((a) => ({ id: a.id, note: a.note, exact: a.anchor?.quote.exact ?? null })));
            req.result.close();
          };
        };
      }),
  );

describe('sync through a CouchDB server: a phone and a tablet', () => {
  let couch: CouchServer;
  let tablet: AppSession;
  let phone: AppSession;
  const [first, second] = phrasesOf(DIST, CHAPTER, 2);
  let dbUrl = '';

  beforeAll(async () => {
    couch = await startCouch(USER);
    await couch.createDb(DB);
    dbUrl = `${couch.url}/${DB}`;
    tablet = await openApp(TABLET, { install: true });
    phone = await openApp(PHONE, { install: true });
  });
  afterAll(async () => {
    await tablet?.close();
    await phone?.close();
    await couch?.stop();
  });

  it('refuses a wrong password in plain words and keeps nothing', async () => {
    await turnOnSync(phone.page, dbUrl, 'wrong password');
    await expect.poll(() => status(phone.page).textContent(), { timeout: 20_000 }).toMatch(/^The server refused the password/);
    await phone.page.getByRole('button', { name: 'Turn on sync' }).waitFor();
    expect(await phone.page.evaluate(() => localStorage.getItem('mlsd-pocket:sync'))).toBeNull();
  });

  it('sends a highlight made on the tablet to the phone', async () => {
    await turnOnSync(tablet.page, dbUrl);
    await expect.poll(() => status(tablet.page).textContent(), { timeout: 30_000 }).toMatch(/^Synced/);
    await turnOnSync(phone.page, dbUrl);
    await expect.poll(() => status(phone.page).textContent(), { timeout: 30_000 }).toMatch(/^Synced/);
    // The password is not kept in plain text anywhere a script can list it.
    const stored = await phone.page.evaluate(() => JSON.stringify({ ...localStorage }));
    expect(stored).not.toContain(USER.password);

    const page = tablet.page;
    await page.goto(`${tablet.server.url}/read/${CHAPTER}`);
    await page.locator('article h1').waitFor();
    expect(await selectPhrase(page, 'article p', first!)).toBe(first);
    await page.getByRole('toolbar', { name: 'Selected text' }).getByRole('button', { name: 'Highlight', exact: true }).tap();
    await expect.poll(async () => (await storedNotes(phone.page)).some((a) => a.exact === first), { timeout: 30_000 }).toBe(true);
    // And the phone shows it where the reader would look: the chapter.
    await phone.page.goto(`${phone.server.url}/read/${CHAPTER}`);
    await expect.poll(() => phone.page.locator('mark.hl').evaluateAll((ms) => ms.map((m) => m.textContent).join('')), { timeout: 15_000 }).toContain(first!.slice(0, 20));
  });

  it('merges a note edited on both devices while the phone was offline, losing no word', async () => {
    const tab = tablet.page;
    const ph = phone.page;
    // The tablet writes a note on its highlight; it reaches the phone.
    await tab.locator('mark.hl').first().tap();
    const note = tab.getByRole('dialog', { name: 'Highlight' }).getByRole('textbox', { name: 'Note' });
    await note.fill('Shared start.');
    await tab.waitForTimeout(700);
    await tab.getByRole('button', { name: 'Done' }).tap();
    await expect.poll(async () => (await storedNotes(ph)).find((a) => a.exact === first)?.note, { timeout: 30_000 }).toBe('Shared start.');

    // The phone goes offline and edits; the tablet edits the same note meanwhile.
    await phone.offline(true);
    await ph.reload();
    await ph.locator('article h1').waitFor();
    await ph.locator('mark.hl').first().tap();
    const phoneNote = ph.getByRole('dialog', { name: 'Highlight' }).getByRole('textbox', { name: 'Note' });
    await phoneNote.fill('Shared start. Phone words on the train.');
    await ph.waitForTimeout(700);
    await ph.getByRole('button', { name: 'Done' }).tap();

    await tab.locator('mark.hl').first().tap();
    await note.fill('Tablet words at home. Shared start.');
    await tab.waitForTimeout(700);
    await tab.getByRole('button', { name: 'Done' }).tap();
    await tab.waitForTimeout(1500);

    await phone.offline(false);
    await ph.evaluate(() => dispatchEvent(new Event('online')));
    const merged = (n: string | undefined) => !!n && n.includes('Phone words on the train.') && n.includes('Tablet words at home.') && n.includes('Shared start.');
    await expect.poll(async () => merged((await storedNotes(ph)).find((a) => a.exact === first)?.note), { timeout: 45_000 }).toBe(true);
    await expect.poll(async () => merged((await storedNotes(tab)).find((a) => a.exact === first)?.note), { timeout: 45_000 }).toBe(true);
  });

  it('gives one schedule for a card reviewed on both devices', async () => {
    const ph = phone.page;
    const tab = tablet.page;
    const grade = async (page: Page, url: string) => {
      await page.goto(`${url}/review`);
      await page.getByRole('button', { name: 'Show answer' }).click();
      await page.getByRole('button', { name: 'Good' }).click();
    };
    const studyOf = (page: Page) =>
      page.evaluate(
        () =>
          new Promise<{ reviews: { cardId: string }[]; schedules: { cardId: string; reps: number; due: number; stability: number }[] }>((done) => {
            const req = indexedDB.open('mlsd-pocket');
            req.onsuccess = () => {
              const tx = req.result.transaction(['reviews', 'schedule']);
              const r = tx.objectStore('reviews').getAll();
              const s = tx.objectStore('schedule').getAll();
              tx.oncomplete = () => (done({ reviews: r.result, schedules: s.result }), req.result.close());
            };
          }),
      );
    // The phone reviews offline; the tablet reviews the same card meanwhile.
    await phone.offline(true);
    await grade(ph, phone.server.url);
    const card = (await studyOf(ph)).reviews[0]!.cardId;
    await grade(tab, tablet.server.url);
    expect((await studyOf(tab)).reviews.map((r) => r.cardId)).toContain(card);
    await phone.offline(false);
    await ph.evaluate(() => dispatchEvent(new Event('online')));
    const of = async (page: Page) => {
      const s = await studyOf(page);
      return { reviews: s.reviews.filter((r) => r.cardId === card).length, schedule: s.schedules.find((x) => x.cardId === card) };
    };
    await expect.poll(async () => (await of(ph)).reviews, { timeout: 45_000 }).toBe(2);
    await expect.poll(async () => (await of(tab)).reviews, { timeout: 45_000 }).toBe(2);
    const [a, b] = [await of(ph), await of(tab)];
    expect(a.schedule?.reps).toBe(2);
    expect(a.schedule).toEqual(b.schedule);
  });

  it('says so when the server goes away, keeps what is made meanwhile, and catches up when it returns', async () => {
    const ph = phone.page;
    await couch.halt();
    await ph.goto(`${phone.server.url}/read/${CHAPTER}`);
    await ph.locator('article h1').waitFor();
    expect(await selectPhrase(ph, 'article p', second!)).toBe(second);
    await ph.getByRole('toolbar', { name: 'Selected text' }).getByRole('button', { name: 'Highlight', exact: true }).tap();
    await ph.goto(`${phone.server.url}/settings`);
    await expect.poll(() => status(ph).textContent(), { timeout: 40_000 }).toMatch(/cannot be reached/);
    expect((await storedNotes(ph)).some((a) => a.exact === second)).toBe(true);

    await couch.restart();
    await couch.createDb(DB);
    await expect.poll(async () => (await storedNotes(tablet.page)).some((a) => a.exact === second), { timeout: 60_000 }).toBe(true);
  });

  it('turning sync off keeps every highlight and note on the device', async () => {
    const ph = phone.page;
    const before = await storedNotes(ph);
    await ph.getByRole('button', { name: 'Turn off sync' }).click();
    await expect.poll(() => status(ph).textContent()).toMatch(/^Sync is off/);
    expect(await storedNotes(ph)).toEqual(before);
    expect(before.length).toBeGreaterThanOrEqual(2);
  });
});
