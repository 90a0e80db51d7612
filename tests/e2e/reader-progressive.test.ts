import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockIndexOf } from '../../src/reader/chapter-blocks.ts';
import { treeText } from '../../src/shared/tree-text.ts';
import type { ChapterPayload, TreeElement } from '../../src/shared/content-types.ts';
import { DIST, openApp, type AppSession } from '../support/app-session.ts';
import { PHONE } from '../support/browser.ts';
import { chapterComplete, chapterOpens } from '../support/chapter-ready.ts';
import { readManifest } from '../support/dist-variants.ts';

const manifest = readManifest(DIST);
const largest = [...manifest.chapters].sort((a, b) => b.bytes - a.bytes)[0]!;
const payload = JSON.parse(readFileSync(join(DIST, `content/chapters/${largest.id}.${largest.hash}.json`), 'utf8')) as ChapterPayload;
const fullText = treeText(payload.body);
/** A paragraph in the chapter's last section: far below the first screen. */
const deepBlock = [...payload.body].reverse().find((n): n is TreeElement => typeof n !== 'string' && n[0] === 'p' && !!n[1]?.id)!;
const deepId = deepBlock[1]!.id!;

type Open = { from: number; to: number; held: boolean };
/** What `chapter-open` saw: the blocks of the first screen, drawn before the measure ended. */
async function openedWith(page: Page): Promise<{ first: Open }> {
  return page.evaluate(
    () =>
      new Promise<{ first: Open }>((res) => {
        const seen = (list: PerformanceObserverEntryList) => {
          const m = list.getEntriesByName('chapter-open')[0] as PerformanceMeasure | undefined;
          if (!m) return;
          obs.disconnect();
          res({ first: m.detail as Open });
        };
        const obs = new PerformanceObserver(seen);
        obs.observe({ type: 'measure' });
      }),
  );
}

/** The chapter's text as highlights count it: every text node outside the app's own `data-ui` boxes. */
const articleText = (page: Page) =>
  page.locator('article.prose').evaluate((root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => (n.nodeType === Node.TEXT_NODE ? NodeFilter.FILTER_ACCEPT : (n as Element).hasAttribute('data-ui') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP),
    });
    let s = '';
    for (let n = walker.nextNode(); n; n = walker.nextNode()) s += (n as Text).data;
    return s;
  });

const go = (page: Page, path: string) =>
  page.evaluate((p) => {
    history.pushState(null, '', p);
    dispatchEvent(new PopStateEvent('popstate'));
  }, path);

describe('a long chapter opens with its first screen, then the rest (phone)', () => {
  let app: AppSession;
  let page: Page;
  beforeAll(async () => {
    app = await openApp(PHONE, { install: true });
    page = app.page;
    await page.goto(`${app.server.url}/read/${manifest.chapters[0]!.id}`);
    await chapterComplete(page);
  });
  afterAll(() => app?.close());

  it('draws the blocks that fill the screen at once and every other block after, in order', async () => {
    const opened = openedWith(page);
    await go(page, `/read/${largest.id}`);
    const { first } = await opened;
    expect(first.from).toBe(0);
    expect(first.held).toBe(false);
    expect(first.to).toBeGreaterThan(1);
    expect(first.to).toBeLessThan(payload.body.length / 4);
    expect(treeText(payload.body.slice(0, first.to)).length).toBeLessThan(fullText.length / 4);
    // The first screen is full: its last block reaches the bottom of the viewport.
    await chapterComplete(page);
    const bottom = await page.evaluate((n) => {
      const blocks = Array.from(document.querySelector('article.prose')!.childNodes).slice(0, n);
      return blocks.filter((b): b is Element => b instanceof Element).at(-1)!.getBoundingClientRect().bottom;
    }, first.to);
    expect(bottom).toBeGreaterThanOrEqual(PHONE.viewport.height);
    expect(await articleText(page)).toBe(fullText);
    const [open, whole] = await page.evaluate(() => ['chapter-open', 'chapter-complete'].map((n) => performance.getEntriesByName(n).at(-1)!.duration));
    expect(whole).toBeGreaterThan(open!);
  });

  it('opens at a block deep in the chapter with that block on screen, and keeps it there once the blocks above arrive', async () => {
    // Wait for this chapter's own open (the chapter before it is complete too, and would pass at once).
    const opens = await chapterOpens(page);
    await go(page, `/read/${manifest.chapters[0]!.id}`);
    await chapterComplete(page, 30_000, opens);
    const opened = openedWith(page);
    await go(page, `/read/${largest.id}#${deepId}`);
    const { first } = await opened;
    expect(first.held).toBe(true);
    expect(first.from).toBe(blockIndexOf(payload.body, deepId));
    const top = () => page.locator(`[id="${deepId}"]`).evaluate((el) => Math.round(el.getBoundingClientRect().top));
    const before = await top();
    expect(before).toBeGreaterThan(0);
    expect(before).toBeLessThan(PHONE.viewport.height / 2);
    await chapterComplete(page);
    expect(await page.locator('[data-ui="pending"]').count()).toBe(0);
    expect(Math.abs((await top()) - before)).toBeLessThanOrEqual(2);
    expect(await articleText(page)).toBe(fullText);
  });
});
