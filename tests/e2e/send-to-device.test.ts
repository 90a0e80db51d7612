import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, openApp, type AppSession } from '../support/app-session.ts';
import { PHONE, TABLET } from '../support/browser.ts';
import { selectPhrase } from '../support/page-helpers.ts';
import { phrasesOf } from '../support/phrases.ts';

const CHAPTER = 'evaluate';

/** Notes in the page's IndexedDB, by highlighted text. */
const noteOf = (page: Page, exact: string) =>
  page.evaluate(
    (exact) =>
      new Promise<string | null>((done) => {
        const req = indexedDB.open('mlsd-pocket');
        req.onsuccess = () => {
          const all = req.result.transaction('annotations').objectStore('annotations').getAll();
          all.onsuccess = () => {
            const a = (all.result as { note: string; anchor: { quote: { exact: string } } | null }[]).find((x) => x.anchor?.quote.exact === exact);
            req.result.close();
            done(a ? a.note : null);
          };
        };
      }),
    exact,
  );

async function writeNote(page: Page, text: string): Promise<void> {
  await page.locator('mark.hl').first().tap();
  await page.getByRole('dialog', { name: 'Highlight' }).getByRole('textbox', { name: 'Note' }).fill(text);
  await page.waitForTimeout(700);
  await page.getByRole('button', { name: 'Done' }).tap();
}

/** Settings → Send to another device; where the browser cannot share files, the file is downloaded. */
async function send(page: Page, url: string, dir: string, name: string): Promise<string> {
  await page.goto(`${url}/settings`);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Send to another device' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^mlsd-pocket-\d{4}-\d\d-\d\d\.txt$/);
  const path = join(dir, name);
  await file.saveAs(path);
  return path;
}

async function receive(page: Page, url: string, path: string): Promise<string> {
  await page.goto(`${url}/settings`);
  await page.locator('input[type="file"]').first().setInputFiles(path);
  const result = page.locator('.notice.ok').first();
  await result.waitFor();
  return (await result.textContent()) ?? '';
}

describe('send to another device, with no server: a phone and a tablet', () => {
  let phone: AppSession;
  let tablet: AppSession;
  let dir: string;
  const [phrase] = phrasesOf(DIST, CHAPTER, 1);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mlsd-send-'));
    phone = await openApp(PHONE, { install: true });
    tablet = await openApp(TABLET, { install: true });
    await phone.offline(true);
    await tablet.offline(true);
  });
  afterAll(async () => {
    await phone?.close();
    await tablet?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('packages everything into one file that the other device imports without duplicates', async () => {
    const p = phone.page;
    await p.goto(`${phone.server.url}/read/${CHAPTER}`);
    await p.locator('article h1').waitFor();
    expect(await selectPhrase(p, 'article p', phrase!)).toBe(phrase);
    await p.getByRole('toolbar', { name: 'Selected text' }).getByRole('button', { name: 'Highlight', exact: true }).tap();
    await writeNote(p, 'Shared start.');
    const file = await send(p, phone.server.url, dir, 'first.txt');
    const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(json.type).toBe('AnnotationCollection');
    expect(Object.keys(json['mlsd:data'] as object)).toEqual(expect.arrayContaining(['positions', 'reviews', 'cards', 'attempts']));

    expect(await receive(tablet.page, tablet.server.url, file)).toMatch(/Imported 1 new/);
    expect(await noteOf(tablet.page, phrase!)).toBe('Shared start.');
    // The same file again changes nothing.
    expect(await receive(tablet.page, tablet.server.url, file)).toMatch(/Imported 0 new and 0 updated highlights and notes; 1 was already here/);
  });

  it('merges a note edited on both devices since the last exchange, losing no word', async () => {
    const p = phone.page;
    const t = tablet.page;
    await p.goto(`${phone.server.url}/read/${CHAPTER}`);
    await p.locator('mark.hl').first().waitFor();
    await writeNote(p, 'Shared start. Phone words on the train.');
    await t.goto(`${tablet.server.url}/read/${CHAPTER}`);
    await t.locator('mark.hl').first().waitFor();
    await writeNote(t, 'Tablet words at home. Shared start.');

    const back = await send(t, tablet.server.url, dir, 'back.txt');
    expect(await receive(p, phone.server.url, back)).toMatch(/1 note merged/);
    const merged = (await noteOf(p, phrase!)) ?? '';
    for (const words of ['Phone words on the train.', 'Tablet words at home.', 'Shared start.']) expect(merged).toContain(words);
  });
});
