// `npm run bench`: prints the figures the README quotes, measured on the production build.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { ContentManifest } from '../src/shared/content-types.ts';
import { launch, PHONE } from '../tests/support/browser.ts';
import { installPeek, waitUntilOffline } from '../tests/support/page-helpers.ts';
import { startStaticServer } from '../tests/support/static-server.ts';
import { runCorpus } from '../tests/fixtures/anchoring/run-corpus.ts';
import { annotationFigures } from './annotations.ts';
import { studyChunks, studyFigures } from './study.ts';
import { runLighthouse } from './lighthouse.ts';
import { searchFigures } from './search.ts';
import { syncFigures } from './sync.ts';

const DIST = resolve(process.env.MLSD_DIST ?? resolve(import.meta.dirname, '../dist'));
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)]!;
const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));

function firstLoad(): void {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(js|css))"/g)].map((m) => ({ path: m[1]!, kind: m[2]! }));
  for (const kind of ['js', 'css']) {
    const bufs = files.filter((f) => f.kind === kind).map((f) => readFileSync(join(DIST, f.path)));
    const raw = bufs.reduce((a, b) => a + b.length, 0);
    const gz = bufs.reduce((a, b) => a + gzipSync(b, { level: 9 }).length, 0);
    console.log(`first-load ${kind.toUpperCase()}: ${kb(raw)} raw, ${kb(gz)} gzip`);
  }
  const all = walk(DIST);
  const total = all.reduce((a, f) => a + statSync(f).size, 0);
  const content = all.filter((f) => f.includes('/content/')).reduce((a, f) => a + statSync(f).size, 0);
  console.log(`offline payload: ${kb(total)} in all (${kb(total - content)} app shell + ${kb(content)} guide)`);
}

async function browserFigures(): Promise<void> {
  const manifest = JSON.parse(readFileSync(join(DIST, 'content/manifest.json'), 'utf8')) as ContentManifest;
  const largest = [...manifest.chapters].sort((a, b) => b.bytes - a.bytes)[0]!;
  const first = manifest.chapters[0]!;
  const server = await startStaticServer(DIST);
  const { context, close } = await launch(PHONE);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    // tsx keeps function names with a __name helper that page functions do not have.
    await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    await installPeek(page);
    await page.goto(`${server.url}/`);
    await waitUntilOffline(page, manifest.chapters.length);
    server.setOffline(true);
    await context.setOffline(true);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });

    const reloads: number[] = [];
    for (let i = 0; i < 5; i++) {
      await page.goto(`${server.url}/read/${first.id}`);
      await page.waitForFunction(() => performance.getEntriesByName('chapter-text').length > 0);
      reloads.push(await page.evaluate(() => performance.getEntriesByName('chapter-text')[0]!.startTime));
    }
    console.log(`offline reload to first chapter text (phone, CPU 4× slower, median of 5): ${median(reloads).toFixed(0)} ms`);

    const opens: number[] = [];
    for (let i = 0; i < 20; i++) {
      await page.evaluate(() => performance.clearMeasures('chapter-open'));
      await page.evaluate((id) => {
        history.pushState(null, '', `/read/${id}`);
        dispatchEvent(new PopStateEvent('popstate'));
      }, i % 2 === 0 ? largest.id : first.id);
      await page.waitForFunction(() => performance.getEntriesByName('chapter-open').length > 0);
      if (i % 2 === 0) opens.push(await page.evaluate(() => performance.getEntriesByName('chapter-open')[0]!.duration));
    }
    console.log(`open the largest chapter (${largest.id}, ${kb(largest.bytes)}) from IndexedDB, CPU 4×: median ${median(opens).toFixed(1)} ms, p95 ${p95(opens).toFixed(1)} ms`);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await annotationFigures(page, context, server.url, DIST, manifest);
    await studyFigures(page, context, server.url);
  } finally {
    await close();
    await server.close();
  }
}

firstLoad();
studyChunks(DIST);
const corpus = runCorpus();
console.log(`re-anchoring corpus: ${corpus.anchored} of ${corpus.expectedAnchored} re-anchored (${(corpus.rate * 100).toFixed(0)}%), ${corpus.orphaned} orphaned as expected of ${corpus.total}, ${corpus.wrong} attached to wrong text`);
await browserFigures();
if (!process.argv.includes('--no-sync')) await syncFigures(DIST);
if (!process.argv.includes('--no-search')) await searchFigures(DIST);
if (!process.argv.includes('--no-lighthouse')) await runLighthouse(DIST);
