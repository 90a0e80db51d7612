import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { launch, PHONE, TABLET } from '../tests/support/browser.ts';
import { startCouch } from '../tests/support/couch-server.ts';
import { installPeek, waitUntilOffline } from '../tests/support/page-helpers.ts';
import { startStaticServer } from '../tests/support/static-server.ts';

const HIGHLIGHTS = 10_000;
const REVIEWS = 20_000;
const USER = { name: 'bench', password: 'bench-password' };

/** What a long-time reader has made: highlights (a third with notes) and a review log. */
async function seed(page: Page, chapterId: string): Promise<void> {
  await page.evaluate(
    async ({ chapterId, highlights, reviews }) => {
      const db = await new Promise<IDBDatabase>((res) => {
        const r = indexedDB.open('mlsd-pocket');
        r.onsuccess = () => res(r.result);
      });
      const tx = db.transaction(['annotations', 'reviews'], 'readwrite');
      const t0 = Date.now() - 86_400_000;
      for (let i = 0; i < highlights; i++) {
        tx.objectStore('annotations').put({
          id: crypto.randomUUID(), chapterId, sectionId: null, colour: 'yellow', note: i % 3 ? '' : `Note ${i} on why this matters`,
          anchor: { quote: { type: 'TextQuoteSelector', exact: 'x'.repeat(24), prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: i, end: i + 24 } },
          contentVersion: 'bench', chapterHash: 'bench', status: 'anchored', createdAt: t0 + i, updatedAt: t0 + i,
        });
      }
      const memory = (state: number, due: number) => ({ state, due, stability: 2.3, difficulty: 5.1, reps: 1, lapses: 0, scheduledDays: 2, learningSteps: 0, lastReview: t0 });
      for (let i = 0; i < reviews; i++) {
        tx.objectStore('reviews').put({ id: crypto.randomUUID(), cardId: `card-${i % 1400}`, grade: 3, reviewedAt: t0 + i, elapsedDays: 1, before: memory(0, t0), after: memory(2, t0 + 2 * 86_400_000) });
      }
      await new Promise((res) => (tx.oncomplete = res));
      db.close();
    },
    { chapterId, highlights: HIGHLIGHTS, reviews: REVIEWS },
  );
}

const count = (page: Page, store: string) =>
  page.evaluate(
    (store) =>
      new Promise<number>((res) => {
        const r = indexedDB.open('mlsd-pocket');
        r.onsuccess = () => {
          const c = r.result.transaction(store).objectStore(store).count();
          c.onsuccess = () => {
            res(c.result);
            r.result.close();
          };
        };
      }),
    store,
  );

async function turnOn(page: Page, appUrl: string, dbUrl: string): Promise<void> {
  await page.goto(`${appUrl}/settings`);
  await page.getByRole('textbox', { name: 'Sync server' }).fill(dbUrl);
  await page.getByRole('textbox', { name: 'Username' }).fill(USER.name);
  await page.getByLabel('Password').fill(USER.password);
  await page.getByRole('button', { name: 'Turn on sync' }).click();
}

async function until(check: () => Promise<boolean>, ms = 600_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('sync benchmark timed out');
}

/** First sync of 10,000 highlights and 20,000 review-log rows: up to a local server, then down to a fresh device. */
export async function syncFigures(dist: string): Promise<void> {
  const chunk = readdirSync(join(dist, 'assets')).filter((f) => /^sync-engine-.*\.js$/.test(f));
  const gz = chunk.reduce((a, f) => a + gzipSync(readFileSync(join(dist, 'assets', f)), { level: 9 }).length, 0);
  console.log(`sync chunk (PouchDB + engine, loaded only when sync is on): ${(gz / 1024).toFixed(1)} KB gzip`);

  const couch = await startCouch(USER);
  await couch.createDb('bench');
  const dbUrl = `${couch.url}/bench`;
  const server = await startStaticServer(dist);
  const a = await launch(PHONE);
  const b = await launch(TABLET);
  try {
    const manifest = JSON.parse(readFileSync(join(dist, 'content/manifest.json'), 'utf8')) as { chapters: { id: string }[] };
    const pa = a.context.pages()[0] ?? (await a.context.newPage());
    const pb = b.context.pages()[0] ?? (await b.context.newPage());
    for (const p of [pa, pb]) {
      // tsx keeps function names with a __name helper that page functions do not have.
      await p.addInitScript({ content: 'globalThis.__name = (f) => f;' });
      await installPeek(p);
      await p.goto(`${server.url}/`);
      await waitUntilOffline(p, manifest.chapters.length);
    }
    await seed(pa, manifest.chapters[0]!.id);
    const docs = async () => ((await (await fetch(dbUrl, { headers: { Authorization: `Basic ${Buffer.from(`${USER.name}:${USER.password}`).toString('base64')}` } })).json()) as { doc_count: number }).doc_count;
    let t = performance.now();
    await turnOn(pa, server.url, dbUrl);
    await until(async () => (await docs()) >= HIGHLIGHTS + REVIEWS);
    const up = performance.now() - t;
    t = performance.now();
    await turnOn(pb, server.url, dbUrl);
    await until(async () => (await count(pb, 'annotations')) >= HIGHLIGHTS && (await count(pb, 'reviews')) >= REVIEWS);
    const down = performance.now() - t;
    console.log(
      `first sync of ${HIGHLIGHTS.toLocaleString('en-GB')} highlights + ${REVIEWS.toLocaleString('en-GB')} review-log rows (pouchdb-server on loopback, CPU not throttled): up ${(up / 1000).toFixed(1)} s, down to a fresh device ${(down / 1000).toFixed(1)} s`,
    );
  } finally {
    await a.close();
    await b.close();
    await server.close();
    await couch.stop();
  }
}
