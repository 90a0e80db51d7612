// Search figures: per-keystroke search + render, time to first result (cold), index bytes, chunk sizes.
// Run alone with `tsx bench/search.ts` (after a build), or as part of `npm run bench`.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { CDPSession, Page } from 'playwright-core';
import { chapterDocs } from '../src/search/documents.ts';
import { buildIndex, loadIndex } from '../src/search/engine.ts';
import type { ChapterPayload, ContentManifest } from '../src/shared/content-types.ts';
import { launch, PHONE } from '../tests/support/browser.ts';
import { installPeek, waitUntilOffline } from '../tests/support/page-helpers.ts';
import { startStaticServer } from '../tests/support/static-server.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)] ?? NaN;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n: number) => `${n.toFixed(1)} ms`;

/** What a keystroke-by-keystroke reader types (including a typo and a phrase). */
const TYPED = ['hnsw memory', 'embeding drift', 'feature store', 'two-tower model', 'recomendation', 'calibration'];

/** The guide's own words (what a reader's notes are made of), in a fixed order. */
function guideWords(dist: string, manifest: ContentManifest): string[] {
  const words = new Set<string>();
  for (const c of manifest.chapters) {
    const text = readFileSync(join(dist, 'content/chapters', `${c.id}.${c.hash}.json`), 'utf8').replace(/"[a-z-]+":"[^"]*"/g, ' ');
    for (const w of text.toLowerCase().match(/[a-z]{4,}/g) ?? []) words.add(w);
  }
  return [...words];
}

function chunkSizes(dist: string): void {
  const assets = readdirSync(join(dist, 'assets'));
  for (const prefix of ['SearchView', 'ChapterTools', 'search-worker']) {
    const files = assets.filter((f) => f.startsWith(`${prefix}-`) && /\.(js|css)$/.test(f));
    const bufs = files.map((f) => readFileSync(join(dist, 'assets', f)));
    const raw = bufs.reduce((a, b) => a + b.length, 0);
    const gz = bufs.reduce((a, b) => a + gzipSync(b, { level: 9 }).length, 0);
    console.log(`search chunk ${prefix} (${files.join(', ')}): ${kb(raw)} raw, ${kb(gz)} gzip`);
  }
}

/** What shipping a prebuilt index with the content build would add to every install (Node, 1×). */
function shippedFigures(dist: string, manifest: ContentManifest): void {
  const chapters = manifest.chapters.map((c) => JSON.parse(readFileSync(join(dist, 'content/chapters', `${c.id}.${c.hash}.json`), 'utf8')) as ChapterPayload);
  const guideBytes = manifest.chapters.reduce((n, c) => n + c.bytes, 0);
  let t = performance.now();
  const docs = chapters.flatMap((c, i) => chapterDocs(c, i, manifest.chapters[i]!.part === 'glossary'));
  const index = buildIndex(docs);
  const build = performance.now() - t;
  const json = JSON.stringify(index);
  t = performance.now();
  loadIndex(json);
  const load = performance.now() - t;
  console.log(`search index of the guide (${docs.length} documents): ${kb(json.length)} JSON, ${kb(gzipSync(json).length)} gzip, vs ${kb(guideBytes)} of chapters; in Node at 1×: extract + build ${ms(build)}, load from JSON ${ms(load)}`);
}

/** Writes `n` notes spread over every chapter straight into IndexedDB. */
async function seedNotes(page: Page, manifest: ContentManifest, n: number, vocabulary: string[]): Promise<void> {
  await page.evaluate(
    async ({ chapters, version, n, words }) => {
      const db = await new Promise<IDBDatabase>((res) => {
        const r = indexedDB.open('mlsd-pocket');
        r.onsuccess = () => res(r.result);
      });
      const tx = db.transaction('annotations', 'readwrite');
      for (let i = 0; i < n; i++) {
        const c = chapters[i % chapters.length]!;
        let seed = i + 1;
        const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed);
        const note = Array.from({ length: 12 }, () => words[next() % words.length]).join(' ');
        tx.objectStore('annotations').put({
          id: crypto.randomUUID(), chapterId: c.id, sectionId: null, colour: 'yellow', note,
          anchor: { quote: { type: 'TextQuoteSelector', exact: `quoted passage ${i}`, prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: 0, end: 10 } },
          contentVersion: version, chapterHash: c.hash, status: 'anchored', createdAt: i, updatedAt: i,
        });
      }
      await new Promise((res) => (tx.oncomplete = res));
      db.close();
    },
    { chapters: manifest.chapters.map((c) => ({ id: c.id, hash: c.hash })), version: manifest.version, n, words: vocabulary },
  );
}

const storedIndexBytes = (page: Page) =>
  page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res) => {
      const r = indexedDB.open('mlsd-pocket');
      r.onsuccess = () => res(r.result);
    });
    const all = await new Promise<Array<{ index: string }>>((res) => {
      const q = db.transaction('searchIndex').objectStore('searchIndex').getAll();
      q.onsuccess = () => res(q.result as Array<{ index: string }>);
    });
    db.close();
    return all.map((r) => r.index.length);
  });

interface Opened {
  firstResult: number;
  sinceNavigation: number;
  open: { source: string; ms: number; docs: number; userDocs: number };
}

/** Opens /search?q=… on a fresh page load (worker cold) and waits for the first result. */
async function openCold(page: Page, url: string, q: string): Promise<Opened> {
  await page.goto(`${url}/search?q=${encodeURIComponent(q)}`);
  await page.waitForFunction(() => performance.getEntriesByName('search-first-result').length > 0, undefined, { timeout: 120_000 });
  return page.evaluate(() => {
    const m = performance.getEntriesByName('search-first-result')[0]!;
    const open = (performance.getEntriesByName('search-index-open')[0] as PerformanceMark).detail;
    return { firstResult: m.duration, sinceNavigation: m.startTime + m.duration, open };
  });
}

async function typeAll(page: Page): Promise<{ keystroke: number[]; render: number[]; worker: number[] }> {
  const out = { keystroke: [] as number[], render: [] as number[], worker: [] as number[] };
  const box = page.getByRole('searchbox', { name: 'Search the guide and your notes' });
  for (const phrase of TYPED) {
    await box.fill('');
    for (const ch of phrase) {
      await page.evaluate(() => performance.clearMeasures());
      await box.press(ch === ' ' ? 'Space' : ch);
      const got = await page
        .waitForFunction(() => performance.getEntriesByName('search-keystroke').length > 0, undefined, { timeout: 5000 })
        .then(() => true)
        .catch(() => false);
      if (!got) continue; // a keystroke that changes nothing searched (a trailing space) renders nothing new
      const [k, r] = await page.evaluate(() => [performance.getEntriesByName('search-keystroke')[0] as PerformanceMeasure, performance.getEntriesByName('search-render')[0] as PerformanceMeasure | undefined].map((e) => e && { d: e.duration, detail: e.detail }));
      out.keystroke.push(k!.d);
      if (r) out.render.push(r.d);
      if (typeof k!.detail === 'number') out.worker.push(k!.detail);
    }
  }
  return out;
}

async function throttle(cdp: CDPSession, rate: number): Promise<void> {
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}

/** The whole guide plus 10,000 notes, CPU 4× slower (and 1× for comparison). */
export async function searchFigures(dist: string): Promise<void> {
  chunkSizes(dist);
  const manifest = JSON.parse(readFileSync(join(dist, 'content/manifest.json'), 'utf8')) as ContentManifest;
  shippedFigures(dist, manifest);
  const server = await startStaticServer(dist);
  const { context, close } = await launch(PHONE);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    await installPeek(page);
    await page.goto(`${server.url}/`);
    await waitUntilOffline(page, manifest.chapters.length);
    server.setOffline(true);
    await context.setOffline(true);
    await seedNotes(page, manifest, 10_000, guideWords(dist, manifest));
    const cdp = await context.newCDPSession(page);
    for (const rate of [1, 4]) {
      // Start each rate with no cached index: the first open builds it in the worker.
      await page.evaluate(async () => {
        const db = await new Promise<IDBDatabase>((res) => {
          const r = indexedDB.open('mlsd-pocket');
          r.onsuccess = () => res(r.result);
        });
        const tx = db.transaction('searchIndex', 'readwrite');
        tx.objectStore('searchIndex').clear();
        await new Promise((res) => (tx.oncomplete = res));
        db.close();
      });
      await throttle(cdp, rate);
      const built = await openCold(page, server.url, 'hnsw');
      // The fresh index is written to the cache once searches pause.
      for (let i = 0; i < 240 && (await storedIndexBytes(page)).length === 0; i++) await page.waitForTimeout(500);
      const cached: Opened[] = [];
      for (let i = 0; i < 3; i++) cached.push(await openCold(page, server.url, 'hnsw'));
      const bytes = await storedIndexBytes(page);
      const t = await typeAll(page);
      await throttle(cdp, 1);
      const label = `CPU ${rate}×`;
      console.log(`search, ${label}, 10,000 notes: first open (index built in the worker): index ${ms(built.open.ms)} for ${built.open.docs} guide + ${built.open.userDocs} user documents; first result ${ms(built.firstResult)} after the screen opened (${ms(built.sinceNavigation)} after navigation)`);
      const c = cached.map((o) => o.firstResult);
      console.log(`search, ${label}: later cold opens (index from the IndexedDB cache): index ${cached.map((o) => ms(o.open.ms)).join(', ')}; first result median ${ms(median(c))} after the screen opened (${ms(median(cached.map((o) => o.sinceNavigation)))} after navigation)`);
      console.log(`search, ${label}: per keystroke (${t.keystroke.length} keystrokes) search + render of the first 20 results: median ${ms(median(t.keystroke))}, p95 ${ms(p95(t.keystroke))}; in the worker median ${ms(median(t.worker))}, p95 ${ms(p95(t.worker))}; main-thread render median ${ms(median(t.render))}, p95 ${ms(p95(t.render))}`);
      if (rate === 4) console.log(`search index stored per content version: ${bytes.map((b) => kb(b)).join(', ')} (JSON text)`);
    }
  } finally {
    await close();
    await server.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.dirname, 'search.ts')) {
  await searchFigures(resolve(process.env.MLSD_DIST ?? resolve(import.meta.dirname, '../dist')));
}
