import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, openApp, type AppSession } from '../support/app-session.ts';
import { PHONE } from '../support/browser.ts';
import { selectPhrase } from '../support/page-helpers.ts';
import { phrasesOf } from '../support/phrases.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function axe(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const r = await (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  });
}

/** The index is built in a worker on first use: on a loaded CI machine that can take seconds. */
const SLOW = { timeout: 30_000 };

/** Search on a phone with the network off: the guide, typos, a fresh note, the chapter tools. */
describe('search, offline, on a phone', () => {
  let app: AppSession;
  let page: Page;
  const box = () => page.getByRole('searchbox', { name: 'Search the guide and your notes' });
  const status = () => page.locator('.search-status');

  beforeAll(async () => {
    app = await openApp(PHONE, { install: true });
    page = app.page;
    await app.offline(true);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
  });
  afterAll(() => app?.close());

  it('opens from the top bar, finds "hnsw" and opens the block in the embeddings chapter', async () => {
    await page.getByRole('link', { name: 'Search', exact: true }).tap();
    await box().waitFor();
    await box().fill('hnsw');
    await expect.poll(() => status().textContent(), SLOW).toMatch(/^[\d,]+ results?$/);
    const group = page.locator('.search-group', { has: page.getByRole('heading', { name: 'Embeddings and vector search' }) });
    const hit = group.locator('a.search-hit').first();
    expect(await hit.locator('mark').first().textContent()).toMatch(/^hnsw$/i);
    // One chapter does not flood the list: the embeddings chapter (21 mentions) shows a few and says how many more.
    await expect.poll(() => group.locator('.search-more-in').textContent(), SLOW).toMatch(/^\d+ more results? in this chapter$/);
    expect(await group.locator('a.search-hit').count()).toBeLessThanOrEqual(3);
    expect(await page.locator('.search-group').count()).toBeGreaterThan(4);
    const snippets = await group.locator('.search-snippet').allTextContents();
    expect(new Set(snippets).size).toBe(snippets.length);
    const href = (await hit.getAttribute('href'))!;
    const blockId = decodeURIComponent(href.split('#')[1]!);
    await hit.tap();
    await page.waitForURL(/\/read\/embeddings-and-vector-search/);
    const block = page.locator(`[id="${blockId}"]`);
    await block.waitFor();
    await expect.poll(() => block.evaluate((el) => el.getBoundingClientRect().top)).toBeGreaterThanOrEqual(0);
    await expect.poll(() => block.evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(500);
    // The matched words are marked in the text for a moment.
    await expect.poll(() => page.evaluate(() => CSS.highlights?.get('search-hit')?.size ?? 0)).toBeGreaterThan(0);
    // Back returns to the search as it was left (the URL kept the query, written as the hit was tapped).
    await page.goBack();
    await expect.poll(() => status().textContent(), SLOW).toMatch(/^[\d,]+ results?$/);
    expect(await box().inputValue()).toBe('hnsw');
    expect(page.url()).toMatch(/\/search\?q=hnsw$/);
  });

  it('keeps the query for Back when a result is tapped the moment it shows', async () => {
    await page.goto(`${app.server.url}/search`);
    await box().fill('hnsw');
    await expect.poll(() => status().textContent(), SLOW).toMatch(/^[\d,]+ results?$/);
    // The index is open, so the next answer is in at once; the tap writes the URL even before the
    // frame after it (when the URL follows the box) has run.
    await box().fill('canary rollback');
    const hit = page.locator('a.search-hit', { has: page.locator('mark', { hasText: /^canary$/i }) }).first();
    await hit.waitFor();
    await hit.click();
    await page.waitForURL(/\/read\//);
    await page.goBack();
    await expect.poll(() => page.url(), SLOW).toMatch(/\/search\?q=canary%20rollback$/);
    await expect.poll(() => box().inputValue(), SLOW).toBe('canary rollback');
  });

  it('Back from a result returns to the same filter, as many results, and that result in view', async () => {
    const hits = () => page.locator('a.search-hit');
    const guideOnly = page.getByRole('button', { name: 'Guide', exact: true });
    await page.goto(`${app.server.url}/search`);
    await box().fill('model');
    await expect.poll(() => status().textContent(), SLOW).toMatch(/^[\d,]+ results?$/);
    await guideOnly.click();
    await expect.poll(() => guideOnly.getAttribute('aria-pressed')).toBe('true');
    for (let i = 0; i < 2; i++) {
      const n = await hits().count();
      await page.getByRole('button', { name: 'Show more results' }).click();
      await expect.poll(() => hits().count(), SLOW).toBeGreaterThan(n);
    }
    const shown = await hits().count();
    const href = (await hits().nth(shown - 4).getAttribute('href'))!;
    await hits().nth(shown - 4).click();
    await page.waitForURL(/\/read\//);
    await page.goBack();
    await expect.poll(() => hits().count(), SLOW).toBe(shown);
    expect(await guideOnly.getAttribute('aria-pressed')).toBe('true');
    const opened = page.locator(`a.search-hit[href="${href}"]`);
    await expect.poll(() => opened.evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }), SLOW).toBe(true);
  });

  it('survives a reload of /search?q=… offline, forgives a typo, and takes any input', async () => {
    await page.goto(`${app.server.url}/search?q=embeding`);
    await expect.poll(() => status().textContent(), SLOW).toMatch(/^[\d,]+ results?$/);
    expect(await box().inputValue()).toBe('embeding');
    expect(await page.locator('.search-hit mark').first().textContent()).toMatch(/^embedding/i);
    // The last: an emoji across the 200-character cap (the URL once threw "URI malformed" on it).
    for (const q of ['x'.repeat(10_000), '.*+?()[]{}|^$\\', '<img src=x onerror=alert(1)>', '🙂 مرحبا', '!!!', 'models ' + '🔥'.repeat(120)]) {
      await box().fill(q);
      await expect.poll(() => status().textContent(), SLOW).toMatch(/^(No results|[\d,]+ results?)/);
    }
    expect(await page.locator('img[src=x]').count()).toBe(0);
    // What was typed a moment before a reload is what the reloaded page searches.
    await box().fill('feature drift');
    await expect.poll(() => page.url(), SLOW).toMatch(/\/search\?q=feature%20drift$/);
    await page.reload();
    await expect.poll(() => status().textContent(), SLOW).toMatch(/^[\d,]+ results?$/);
    expect(await box().inputValue()).toBe('feature drift');
    expect(app.watch.errors).toEqual([]);
    expect(app.watch.violations).toEqual([]);
  });

  it('finds a word that is only in a note written a moment ago, under "My notes"', async () => {
    await page.goto(`${app.server.url}/read/evaluate`);
    await page.locator('article h1').waitFor();
    const phrase = (await page.locator('article p').nth(2).textContent())!.trim().split(' ').slice(0, 4).join(' ');
    await selectPhrase(page, 'article p', phrase);
    await page.locator('.sel-toolbar').getByRole('button', { name: 'Add note', exact: true }).tap();
    const panel = page.getByRole('dialog', { name: 'Highlight' });
    await panel.getByRole('textbox', { name: 'Note' }).fill('Remember the quokkaflux trick.');
    await page.waitForTimeout(700);
    await panel.getByRole('button', { name: 'Done' }).tap();
    await page.evaluate(() => scrollTo(0, 0)); // scrolling up brings the top bar back
    await page.getByRole('link', { name: 'Search', exact: true }).tap();
    await box().fill('quokkaflux');
    await page.getByRole('button', { name: 'My notes' }).tap();
    await expect.poll(() => status().textContent(), SLOW).toBe('1 result');
    expect(await page.locator('.search-hit .search-kind').first().textContent()).toBe('Your note');
    await page.getByRole('button', { name: 'Guide' }).tap();
    await expect.poll(() => status().textContent(), SLOW).toMatch(/^No results/);
  });

  it('finds a card made in another tab, without a reload', async () => {
    await page.goto(`${app.server.url}/search?q=quasarwhisk`);
    await page.getByRole('button', { name: 'Cards' }).tap();
    await expect.poll(() => status().textContent(), SLOW).toMatch(/^No results/);
    const other = await app.context.newPage();
    try {
      await other.bringToFront();
      await other.goto(`${app.server.url}/read/deploy-and-serve`);
      await other.locator('article h1').waitFor();
      await selectPhrase(other, 'article p', phrasesOf(DIST, 'deploy-and-serve', 1)[0]!);
      await other.getByRole('toolbar', { name: 'Selected text' }).getByRole('button', { name: 'Highlight', exact: true }).tap();
      await other.locator('mark.hl').first().tap();
      const panel = other.getByRole('dialog', { name: 'Highlight' });
      await panel.getByRole('button', { name: 'Make a card', exact: true }).tap();
      await panel.getByRole('textbox', { name: 'Question' }).fill('What is the quasarwhisk rule?');
      await panel.getByRole('button', { name: 'Save card', exact: true }).tap();
      await expect.poll(() => panel.getByRole('status').innerText()).toContain('Card saved');
    } finally {
      await other.close();
      await page.bringToFront();
    }
    // The search tab was not reloaded: its worker heard the other tab and re-read the cards.
    await expect.poll(() => status().textContent(), SLOW).toBe('1 result');
    expect(await page.locator('.search-hit .search-kind').first().textContent()).toBe('Card');
    expect(await page.locator('.search-hit .search-where').first().textContent()).toContain('What is the quasarwhisk rule?');
  });

  it('offers recent searches when the box is empty, and "/" opens search', async () => {
    await page.goto(`${app.server.url}/search`);
    await box().fill('two-tower');
    await expect.poll(() => status().textContent(), SLOW).toMatch(/^[\d,]+ results?$/);
    await box().press('Enter');
    await box().fill('');
    await expect.poll(() => page.locator('.search-recent-link').allTextContents()).toContain('two-tower');
    await page.goto(`${app.server.url}/read/glossary`);
    await page.locator('article h1').waitFor();
    await page.keyboard.press('/');
    await page.waitForURL(/\/search$/);
  });

  it('finds in a chapter with next, previous and "n of m"', async () => {
    await page.goto(`${app.server.url}/read/embeddings-and-vector-search`);
    await page.locator('article h1').waitFor();
    const expected = await page.locator('article').evaluate((el) => (el.textContent!.toLowerCase().match(/hnsw/g) ?? []).length);
    expect(expected).toBeGreaterThan(3);
    await page.getByRole('button', { name: 'Find in chapter' }).tap();
    await page.getByRole('searchbox', { name: 'Text to find' }).fill('HNSW');
    const count = page.locator('.find-count');
    await expect.poll(() => count.textContent()).toBe(`1 of ${expected}`);
    await page.getByRole('button', { name: 'Next match' }).tap();
    await page.getByRole('button', { name: 'Next match' }).tap();
    await expect.poll(() => count.textContent()).toBe(`3 of ${expected}`);
    await page.getByRole('button', { name: 'Previous match' }).tap();
    await expect.poll(() => count.textContent()).toBe(`2 of ${expected}`);
    expect(await page.evaluate(() => CSS.highlights.get('find-match')?.size)).toBe(expected);
    await page.getByRole('searchbox', { name: 'Text to find' }).fill('zzzqqq');
    await expect.poll(() => count.textContent()).toBe('No matches');
    await page.getByRole('button', { name: 'Close find' }).tap();
  });

  it('shows a term definition in place, with "Open in glossary"', async () => {
    await page.goto(`${app.server.url}/read/embeddings-and-vector-search`);
    await page.locator('article h1').waitFor();
    await page.getByRole('button', { name: 'Find in chapter' }).waitFor(); // the chapter's search tools are mounted
    const term = page.locator('article a.term[href$="#hnsw"]').first();
    await term.scrollIntoViewIfNeeded();
    await term.tap();
    const pop = page.getByRole('dialog', { name: /HNSW/ });
    await pop.waitFor();
    await expect.poll(() => pop.locator('p').textContent()).toMatch(/proximity/);
    expect(page.url()).toMatch(/\/read\/embeddings-and-vector-search/);
    await pop.getByRole('link', { name: 'Open in glossary' }).tap();
    await page.waitForURL(/\/read\/glossary#hnsw$/);
  });

  it('filters the glossary and jumps by letter', async () => {
    await page.goto(`${app.server.url}/read/glossary`);
    await page.locator('article h1').waitFor();
    const filter = page.getByRole('searchbox', { name: 'Filter terms' });
    await filter.waitFor();
    // The filter and the A–Z index sit under the glossary's heading, not above it.
    const placed = await page.evaluate(() => {
      const h1 = document.querySelector('article h1')!;
      const tools = document.querySelector('.glossary-tools')!;
      return { after: Boolean(h1.compareDocumentPosition(tools) & Node.DOCUMENT_POSITION_FOLLOWING), gap: tools.getBoundingClientRect().top - h1.getBoundingClientRect().bottom };
    });
    expect(placed.after).toBe(true);
    expect(placed.gap).toBeGreaterThanOrEqual(0);
    const visibleTerms = () => page.locator('article h3:not([hidden])').count();
    const all = await visibleTerms();
    expect(all).toBeGreaterThan(150);
    await filter.fill('hnsw');
    await expect.poll(visibleTerms).toBeLessThan(all);
    const shown = await page.locator('article h3:not([hidden])').allTextContents();
    expect(shown.some((t) => /HNSW/.test(t))).toBe(true);
    expect(await page.locator('.glossary-count').textContent()).toBe(`${shown.length} ${shown.length === 1 ? 'term' : 'terms'}`);
    await filter.fill('');
    await expect.poll(visibleTerms).toBe(all);
    const letter = page.getByRole('navigation', { name: 'Glossary A to Z' }).getByRole('link', { name: 'M', exact: true });
    await letter.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await letter.tap();
    await expect.poll(() => page.locator('article h2#m').evaluate((el) => Math.round(el.getBoundingClientRect().top))).toBeLessThan(300);
    expect(app.watch.errors).toEqual([]);
    expect(app.watch.violations).toEqual([]);
  });

  it.each(['light', 'dark'] as const)('has no axe violations: results, find bar, term popover and glossary tools (%s)', async (scheme) => {
    {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`${app.server.url}/search?q=embedding`);
      await expect.poll(() => status().textContent(), SLOW).toMatch(/^[\d,]+ results?$/);
      expect(await axe(page), `search, ${scheme}`).toEqual([]);
      await page.goto(`${app.server.url}/read/embeddings-and-vector-search`);
      await page.locator('article h1').waitFor();
      await page.getByRole('button', { name: 'Find in chapter' }).tap();
      await page.getByRole('searchbox', { name: 'Text to find' }).fill('index');
      await expect.poll(() => page.locator('.find-count').textContent()).toMatch(/^1 of \d+$/);
      expect(await axe(page), `find in chapter, ${scheme}`).toEqual([]);
      await page.getByRole('button', { name: 'Close find' }).tap();
      await page.locator('article a.term[href$="#hnsw"]').first().tap();
      await page.getByRole('dialog', { name: /HNSW/ }).locator('p', { hasText: /proximity/ }).waitFor();
      expect(await axe(page), `term popover, ${scheme}`).toEqual([]);
      await page.goto(`${app.server.url}/read/glossary`);
      await page.getByRole('searchbox', { name: 'Filter terms' }).fill('rank');
      expect(await axe(page), `glossary tools, ${scheme}`).toEqual([]);
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });
});
