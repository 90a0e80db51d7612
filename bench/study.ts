import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)]!;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** The review screen's own chunk (ts-fsrs included) and the study chunks it pulls in that the first load does not. */
export function studyChunks(dist: string): void {
  const assets = join(dist, 'assets');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const file = readdirSync(assets).find((f) => /^ReviewView-.*\.js$/.test(f));
  if (!file) return console.log('review chunk: not found');
  const gz = (f: string) => gzipSync(readFileSync(join(assets, f)), { level: 9 }).length;
  const own = gz(file);
  const deps = [...readFileSync(join(assets, file), 'utf8').matchAll(/from"\.\/([^"]+\.js)"/g)].map((m) => m[1]!).filter((f) => !html.includes(f));
  const fsrs = deps.find((f) => readFileSync(join(assets, f), 'utf8').includes('request_retention'));
  console.log(
    `review screen: ${file} ${kb(own)} gzip; with every lazy chunk it imports (${deps.length}, ts-fsrs in ${fsrs ?? file}: ${kb(gz(fsrs ?? file))}) ${kb(own + deps.reduce((a, f) => a + gz(f), 0))} gzip; in the first load: ${html.includes('ReviewView') || (fsrs && html.includes(fsrs)) ? 'YES' : 'no'}`,
  );
}

/** 400 guide cards + 1,000 user cards, 20,000 review-log rows over 90 days, schedules for 1,300 of them. */
async function seed(page: Page, now: number): Promise<void> {
  await page.evaluate(async (now) => {
    const db = await new Promise<IDBDatabase>((res) => {
      const r = indexedDB.open('mlsd-pocket');
      r.onsuccess = () => res(r.result);
    });
    const chapters = await new Promise<{ id: string; cards: { id: string }[] }[]>((res) => {
      const r = db.transaction('chapters').objectStore('chapters').getAll();
      r.onsuccess = () => res(r.result as { id: string; cards: { id: string }[] }[]);
    });
    const ids: { id: string; chapterId: string }[] = chapters.flatMap((c) => c.cards.map((k) => ({ id: k.id, chapterId: c.id })));
    const tx = db.transaction(['cards', 'reviews', 'schedule'], 'readwrite');
    for (let i = 0; i < 1000; i++) {
      const id = crypto.randomUUID();
      const chapterId = chapters[i % chapters.length]!.id;
      ids.push({ id, chapterId });
      tx.objectStore('cards').put({ id, question: `My question ${i} about **ranking**?`, answer: `My answer ${i}.`, highlightId: null, chapterId, sectionId: null, createdAt: now - 90 * 864e5, updatedAt: now - 90 * 864e5 });
    }
    const DAY = 864e5;
    const mem = (state: number, due: number, reps: number) => ({ state, due, stability: 5 + (reps % 40), difficulty: 5, reps, lapses: reps % 3, scheduledDays: 3, learningSteps: 0, lastReview: due - 3 * DAY });
    const graded = ids.slice(0, 1300);
    graded.forEach((c, i) => {
      const due = now - 3 * DAY + ((i * 7919) % (63 * 24)) * 3600e3; // spread from 3 days ago to 60 days ahead
      tx.objectStore('schedule').put({ cardId: c.id, chapterId: c.chapterId, question: 'q', ...mem(2, due, 1 + (i % 20)) });
    });
    for (let i = 0; i < 20_000; i++) {
      const c = graded[i % graded.length]!;
      const at = i < 150 ? now - (i + 1) * 60e3 : now - (1 + (i % 89)) * DAY - (i % 1000) * 1000;
      tx.objectStore('reviews').put({ id: crypto.randomUUID(), cardId: c.id, grade: 1 + (i % 4), reviewedAt: at, elapsedDays: 3, before: mem(2, at, 3), after: mem(2, at + 3 * DAY, 4) });
    }
    await new Promise((res) => (tx.oncomplete = res));
    db.close();
  }, now);
}

/** Queue build and grade → durable on the review screen, CPU 4× slower (the guide must be installed in `page`). */
export async function studyFigures(page: Page, context: BrowserContext, url: string): Promise<void> {
  await page.goto(`${url}/`);
  await seed(page, Date.now());
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const opens: number[] = [];
  const builds: number[] = [];
  for (let i = 0; i < 12; i++) {
    await page.goto(`${url}/review`);
    await page.waitForFunction(() => performance.getEntriesByName('review-open').length > 0, undefined, { timeout: 60_000 });
    if (i < 2) continue; // warm-up
    opens.push(await page.evaluate(() => performance.getEntriesByName('review-open')[0]!.duration));
    builds.push(await page.evaluate(() => performance.getEntriesByName('review-queue-build')[0]!.duration));
  }
  console.log(`today's queue from 400 guide + 1,000 user cards and 20,000 log rows, CPU 4×: build median ${median(builds).toFixed(1)} ms, p95 ${p95(builds).toFixed(1)} ms; screen open → queue ready (IndexedDB reads included) median ${median(opens).toFixed(0)} ms, p95 ${p95(opens).toFixed(0)} ms`);

  // The annotation figures before this one empty the highlights store behind the app's back; the app
  // rightly restores them from its second copy and says so. Dismiss that notice as a user would.
  const notice = page.getByRole('button', { name: 'Dismiss' });
  if (await notice.isVisible()) await notice.click();
  const grades: number[] = [];
  for (let i = 0; i < 30; i++) {
    await page.getByRole('button', { name: 'Show answer', exact: true }).click();
    await page.getByRole('button', { name: i % 2 ? 'Good' : 'Easy', exact: true }).click();
    await page.waitForFunction((n) => performance.getEntriesByName('grade-durable').length > n, i);
  }
  grades.push(...(await page.evaluate(() => performance.getEntriesByName('grade-durable').map((e) => e.duration))));
  console.log(`grade → durable in IndexedDB (log entry + schedule, one transaction), CPU 4×: median ${median(grades).toFixed(1)} ms, p95 ${p95(grades).toFixed(1)} ms (${grades.length} grades)`);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
}
