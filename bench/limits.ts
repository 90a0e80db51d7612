// The physical limits the app is measured against (issue 15), built in the bench run itself:
// a static page holding the app's own rendered chapter, served by a minimal service worker; a raw
// IndexedDB read plus DOM from pre-rendered HTML; and the smallest Preact + idb + workbox-window shell.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * Resolves with when the chapter's first paragraph was painted: the first paragraph is seen as it enters the DOM
 * (inserted by the app or parsed from the static page), and the frame that draws it is over when a task queued
 * from that frame's requestAnimationFrame runs. The same probe on both pages, so the ratio compares like with like.
 */
export const FIRST_PARAGRAPH_TIMING = `(() => {
  globalThis.__firstPara = new Promise((res) => {
    const seen = () => {
      if (!document.querySelector('article p')) return false;
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => res(performance.now());
        ch.port2.postMessage(0);
      });
      return true;
    };
    const mo = new MutationObserver(() => { if (seen()) mo.disconnect(); });
    mo.observe(document, { childList: true, subtree: true });
  });
})();`;

const LIMIT_SW = `// The least an offline page can do: serve itself and its styles from one cache.
const CACHE = 'limit-v1';
const FILES = __FILES__;
self.addEventListener('install', (e) => e.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES)).then(() => self.skipWaiting())));
self.addEventListener('activate', (e) => e.waitUntil(self.clients.claim()));
self.addEventListener('fetch', (e) => e.respondWith(caches.match(e.request, { ignoreSearch: true }).then((r) => r || fetch(e.request))));
`;

/**
 * Writes the limit site: /limit.html is the app's head (styles, font preloads, theme script; no app code, no CSP)
 * with `bodyHtml` (the app's own rendered chapter screen) inside, cached whole by /limit-sw.js.
 */
export function writeLimitSite(dist: string, bodyHtml: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'mlsd-limit-'));
  mkdirSync(join(dir, 'assets'));
  const files = ['/limit.html', '/theme-boot.js'];
  for (const f of readdirSync(join(dist, 'assets'))) {
    if (!/\.(css|woff2)$/.test(f)) continue;
    copyFileSync(join(dist, 'assets', f), join(dir, 'assets', f));
    files.push(`/assets/${f}`);
  }
  copyFileSync(join(dist, 'theme-boot.js'), join(dir, 'theme-boot.js'));
  const head = readFileSync(join(dist, 'index.html'), 'utf8')
    .split('<body>')[0]!
    .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '')
    .replace(/<script type="module"[^>]*><\/script>/g, '')
    .replace(/<link rel="(?:modulepreload|manifest)"[^>]*>/g, '');
  const register = `<script>navigator.serviceWorker.register('/limit-sw.js');</script>`;
  writeFileSync(join(dir, 'limit.html'), `${head}<body><div id="app">${bodyHtml}</div>${register}</body></html>`);
  writeFileSync(join(dir, 'limit-sw.js'), LIMIT_SW.replace('__FILES__', JSON.stringify(files)));
  return dir;
}

/** The smallest shell with the same libraries, minified and gzipped: Preact (+ hooks), idb, workbox-window. */
export async function shellSize(): Promise<number> {
  const { rolldown } = await import('rolldown');
  const entry = `import { h, render } from 'preact'; import { useState } from 'preact/hooks'; import { openDB } from 'idb'; import { Workbox } from 'workbox-window';
function App() { const [n, set] = useState(0); return h('button', { onClick: () => set(n + 1) }, String(n)); }
render(h(App, null), document.body); void openDB('x', 1); new Workbox('/sw.js').register();`;
  const bundle = await rolldown({
    input: 'shell-entry',
    cwd: resolve(import.meta.dirname, '..'),
    plugins: [{ name: 'shell-entry', resolveId: (id) => (id === 'shell-entry' ? id : null), load: (id) => (id === 'shell-entry' ? entry : null) }],
  });
  const { output } = await bundle.generate({ format: 'es', minify: true });
  await bundle.close();
  return output.reduce((a, o) => a + (o.type === 'chunk' ? gzipSync(o.code, { level: 9 }).length : 0), 0);
}
