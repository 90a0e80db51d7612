import { launch as launchChrome } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM } from '../tests/support/browser.ts';
import { startStaticServer } from '../tests/support/static-server.ts';
const server = await startStaticServer('/tmp/dist-x');
const chrome = await launchChrome({ chromePath: CHROMIUM, chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
for (const path of (process.argv[2] ?? '/').split(',')) {
  const r = await lighthouse(`${server.url}${path}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
  const a = r!.lhr.audits;
  console.log(path, 'perf', Math.round(r!.lhr.categories.performance!.score! * 100));
  for (const id of ['largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'first-contentful-paint', 'speed-index']) console.log(' ', id, a[id]?.displayValue, a[id]?.score);
  const d = (id: string) => JSON.stringify((a[id]?.details as any)?.items ?? a[id]?.details, null, 0)?.slice(0, 1500);
  console.log('layout-shifts', d('layout-shifts'));
  console.log('lcp element', d('largest-contentful-paint-element'));
  console.log('long-tasks', d('long-tasks'));
  console.log('bootup', d('bootup-time'));
  console.log('mainthread', d('mainthread-work-breakdown'));
}
await chrome.kill(); await server.close();
