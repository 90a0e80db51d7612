import type { Page } from 'playwright-core';

/** Records every text the status region shows, and every CSP or Trusted Types violation. */
export async function watchPage(
  page: Page,
): Promise<{ statusTexts: () => Promise<string[]>; violations: string[]; sanitizerReports: string[]; errors: string[] }> {
  const violations: string[] = [];
  const sanitizerReports: string[] = [];
  const errors: string[] = [];
  page.on('console', (m) => {
    const t = m.text();
    // DOMPurify parses hostile input in an inert document; Chrome reports the handlers it meets
    // there against the page's CSP even though nothing runs. Those reports are the sanitizer at
    // work, not a violation by the app.
    const fromSanitizer = /\/assets\/purify[^/]*\.js$/.test(m.location().url) || /from \S*\/assets\/purify[^/]*\.js$/.test(t);
    if (/Content Security Policy|Trusted Type|TrustedHTML|TrustedScript/i.test(t)) (fromSanitizer ? sanitizerReports : violations).push(t);
    else if (m.type() === 'error' && !/Failed to load resource|net::ERR_/.test(t)) errors.push(t);
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() => {
    const w = window as unknown as { __status: string[] };
    w.__status = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI} from ${e.sourceFile || 'the page'}`),
    );
    new MutationObserver(() => {
      const el = document.querySelector('.status');
      const text = el?.textContent?.trim();
      if (text && w.__status[w.__status.length - 1] !== text) w.__status.push(text);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  return {
    statusTexts: () => page.evaluate(() => (window as unknown as { __status: string[] }).__status),
    violations,
    sanitizerReports,
    errors,
  };
}

/** Waits until the page's service worker controls it and the whole guide is stored. */
export async function waitUntilOffline(page: Page, chapters: number, timeoutMs = 60_000): Promise<void> {
  await page.waitForFunction(() => !!navigator.serviceWorker.controller, undefined, { timeout: 30_000 });
  const deadline = Date.now() + timeoutMs;
  let stored = 0;
  while (Date.now() < deadline) {
    stored = await page.evaluate(() => storedChapters());
    if (stored === chapters) return;
    await page.waitForTimeout(200);
  }
  throw new Error(`guide not stored: ${stored} of ${chapters} chapters`);
}

/** Counts chapters in IndexedDB from inside the page (read-only peek for tests). */
declare function storedChapters(): Promise<number>;
export async function installPeek(page: Page): Promise<void> {
  await page.addInitScript(() => {
    (window as unknown as { storedChapters: () => Promise<number> }).storedChapters = () =>
      new Promise((resolve) => {
        const req = indexedDB.open('mlsd-pocket');
        req.onsuccess = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains('meta')) {
            db.close();
            return resolve(0);
          }
          const tx = db.transaction(['meta', 'chapters']);
          const meta = tx.objectStore('meta').get('content');
          const count = tx.objectStore('chapters').count();
          tx.oncomplete = () => {
            db.close();
            resolve(meta.result ? count.result : 0);
          };
        };
        req.onerror = () => resolve(-1);
        req.onupgradeneeded = () => {
          req.transaction?.abort();
          resolve(0);
        };
      });
  });
}

export const installedVersion = (page: Page): Promise<string | null> =>
  page.evaluate(
    () =>
      new Promise<string | null>((resolve) => {
        const req = indexedDB.open('mlsd-pocket');
        req.onsuccess = () => {
          const get = req.result.transaction('meta').objectStore('meta').get('content');
          get.onsuccess = () => {
            req.result.close();
            resolve((get.result as { manifest: { version: string } } | undefined)?.manifest.version ?? null);
          };
        };
      }),
  );

/**
 * Selects `phrase` inside the first element matching `selector` whose text contains it, as the
 * OS does after a long-press and drag of the handles (headless Chromium has no long-press
 * selection, so the Selection API stands in for the OS; every tap after it is a real touch).
 * With `until`, the selection runs from `phrase` to the end of `until` (which may be in a later element).
 */
export async function selectPhrase(page: Page, selector: string, phrase: string, until?: string): Promise<string> {
  return page.evaluate(
    ({ selector, phrase, until }) => {
      const find = (needle: string, after?: Node): { node: Text; offset: number } => {
        const roots = [...document.querySelectorAll(selector)];
        for (const root of roots) {
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
            if (after && !(after.compareDocumentPosition(n) & Node.DOCUMENT_POSITION_FOLLOWING) && after !== n) continue;
            const i = n.data.indexOf(needle);
            if (i >= 0) return { node: n, offset: i };
          }
        }
        throw new Error(`"${needle}" not found in ${selector}`);
      };
      const start = find(phrase);
      const end = until ? find(until, start.node) : start;
      const endOffset = end.offset + (until ?? phrase).length;
      start.node.parentElement?.scrollIntoView({ block: 'center' });
      getSelection()!.setBaseAndExtent(start.node, start.offset, end.node, endOffset);
      return getSelection()!.toString();
    },
    { selector, phrase, until },
  );
}
