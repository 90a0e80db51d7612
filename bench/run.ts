// `npm run bench`: prints the figures the README quotes, measured on the production build.
// Flags: --no-NAME skips a group (e.g. --no-lighthouse, --no-sync); --only=NAME[,NAME] runs just those.
// Each group is one line below; a feature's bench module plugs in by adding its own.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import type { ContentManifest } from '../src/shared/content-types.ts';
import { startFiles } from '../src/content/build/first-load-budget.ts';
import { launch, PHONE } from '../tests/support/browser.ts';
import { installPeek, waitUntilOffline } from '../tests/support/page-helpers.ts';
import { startStaticServer } from '../tests/support/static-server.ts';
import { runCorpus } from '../tests/fixtures/anchoring/run-corpus.ts';
import { studyChunks, studyFigures } from './study.ts';
// The other groups' modules load only when their group runs, so one group's work in progress
// (a module that does not load yet) never stops another group's figures.

const DIST = resolve(process.env.MLSD_DIST ?? resolve(import.meta.dirname, '../dist'));
const manifest = JSON.parse(readFileSync(join(DIST, 'content/manifest.json'), 'utf8')) as ContentManifest;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));

/** What index.html loads at start, as the build's budget counts it (the browser's count is in the speed group). */
function buildFigures(): void {
  const { js, css } = startFiles(readFileSync(join(DIST, 'index.html'), 'utf8'));
  for (const [kind, files] of [['JS', js], ['CSS', css]] as const) {
    const bufs = files.map((f) => readFileSync(join(DIST, f)));
    const raw = bufs.reduce((a, b) => a + b.length, 0);
    const gz = bufs.reduce((a, b) => a + gzipSync(b, { level: 9 }).length, 0);
    console.log(`first-load ${kind} in index.html: ${kb(raw)} raw, ${kb(gz)} gzip in ${files.length} files${kind === 'JS' ? ' (budget 20 KB gzip, checked by the build)' : ''}`);
  }
  const all = walk(DIST);
  const total = all.reduce((a, f) => a + statSync(f).size, 0);
  const content = all.filter((f) => f.includes('/content/')).reduce((a, f) => a + statSync(f).size, 0);
  console.log(`offline payload: ${kb(total)} in all (${kb(total - content)} app shell + ${kb(content)} guide)`);
  studyChunks(DIST);
}

function corpusFigures(): void {
  const corpus = runCorpus();
  console.log(`re-anchoring corpus: ${corpus.anchored} of ${corpus.expectedAnchored} re-anchored (${(corpus.rate * 100).toFixed(0)}%), ${corpus.orphaned} orphaned as expected of ${corpus.total}, ${corpus.wrong} attached to wrong text`);
}

/** Installs the app on one phone, cuts the network, then runs `figures` on it. */
async function onInstalledPhone(figures: (page: Page, context: BrowserContext, url: string) => Promise<void>): Promise<void> {
  const server = await startStaticServer(DIST);
  const { context, close } = await launch(PHONE);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    // tsx keeps function names with a __name helper that page functions do not have.
    await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    await installPeek(page);
    await page.goto(`${server.url}/`);
    await waitUntilOffline(page, manifest.chapters.length, 120_000);
    server.setOffline(true);
    await context.setOffline(true);
    await figures(page, context, server.url);
  } finally {
    await close();
    await server.close();
  }
}

/** Highlights, the notebook and study, on one installed phone. */
const featureFigures = () =>
  onInstalledPhone(async (page, context, url) => {
    await (await import('./annotations.ts')).annotationFigures(page, context, url, DIST, manifest);
    await studyFigures(page, context, url);
  });

const groups: [name: string, run: () => void | Promise<void>][] = [
  ['build', buildFigures],
  ['speed', async () => (await import('./speed.ts')).speedFigures(DIST, manifest)],
  ['corpus', corpusFigures],
  ['features', featureFigures],
  // The study figures alone (they also run inside `features`); not part of a default run.
  ['study', () => (only?.includes('study') ? onInstalledPhone(studyFigures) : undefined)],
  ['sync', async () => (await import('./sync.ts')).syncFigures(DIST)],
  ['search', async () => (await import('./search.ts')).searchFigures(DIST)],
  ['lighthouse', async () => (await import('./lighthouse.ts')).runLighthouse(DIST)],
];

const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
console.log(`bench ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${DIST}; load average ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')}`);
for (const [name, run] of groups) {
  if (process.argv.includes(`--no-${name}`) || (only && !only.includes(name))) continue;
  await run();
}
