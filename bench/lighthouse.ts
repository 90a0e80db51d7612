import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch as launchChrome } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import type { ContentManifest } from '../src/shared/content-types.ts';
import { preview } from 'vite';
import { CHROMIUM } from '../tests/support/browser.ts';

/**
 * Lighthouse 12 (mobile defaults: simulated slow 4G and 4× CPU) against the built app: the library and the largest
 * case study, served as the README's `npm start` serves it (`vite preview`: gzip, ETags, the SPA fallback) on
 * 127.0.0.1. Before 7 Dec 22:00 it used the tests' static server, which sends every file uncompressed: the guide's
 * 150 KB index and the 53 KB entry then took five times as long over the simulated network as any host sends them.
 */
export async function runLighthouse(dist: string): Promise<void> {
  const manifest = JSON.parse(readFileSync(join(dist, 'content/manifest.json'), 'utf8')) as ContentManifest;
  const largestCase = [...manifest.chapters].filter((c) => c.part === 'cases').sort((a, b) => b.bytes - a.bytes)[0]!;
  const server = await servePreview(dist);
  const chrome = await launchChrome({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    for (const path of ['/', `/read/${largestCase.id}`]) {
      const result = await lighthouse(`${server.url}${path}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
      });
      const cats = result?.lhr.categories ?? {};
      const score = (k: string) => Math.round((cats[k]?.score ?? 0) * 100);
      console.log(`lighthouse ${path}: performance ${score('performance')}, accessibility ${score('accessibility')}, best practices ${score('best-practices')}, SEO ${score('seo')}`);
      const audits = result?.lhr.audits ?? {};
      const shown = (k: string) => audits[k]?.displayValue ?? '?';
      console.log(
        `  FCP ${shown('first-contentful-paint')}, LCP ${shown('largest-contentful-paint')}, TBT ${shown('total-blocking-time')}, CLS ${shown('cumulative-layout-shift')}, speed index ${shown('speed-index')}, DOM ${shown('dom-size')}`,
      );
      const failing = Object.values(result?.lhr.audits ?? {}).filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'notApplicable');
      if (failing.length) console.log(`  below 90: ${failing.map((a) => a.id).join(', ')}`);
    }
  } finally {
    await chrome.kill();
    await server.close();
  }
}

/** `vite preview` of `dist` on a free port of 127.0.0.1. */
async function servePreview(dist: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = await preview({ logLevel: 'silent', build: { outDir: dist }, preview: { host: '127.0.0.1', port: 0, open: false } });
  const url = server.resolvedUrls?.local[0]?.replace(/\/$/, '');
  if (!url) throw new Error('vite preview did not say where it listens');
  return { url, close: () => server.close() };
}
