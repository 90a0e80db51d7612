import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch as launchChrome } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import type { ContentManifest } from '../src/shared/content-types.ts';
import { CHROMIUM } from '../tests/support/browser.ts';
import { startStaticServer } from '../tests/support/static-server.ts';

/** Lighthouse 12 (mobile defaults: simulated slow 4G and 4× CPU) against the built app: the library and the largest case study. */
export async function runLighthouse(dist: string): Promise<void> {
  const manifest = JSON.parse(readFileSync(join(dist, 'content/manifest.json'), 'utf8')) as ContentManifest;
  const largestCase = [...manifest.chapters].filter((c) => c.part === 'cases').sort((a, b) => b.bytes - a.bytes)[0]!;
  const server = await startStaticServer(dist);
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
