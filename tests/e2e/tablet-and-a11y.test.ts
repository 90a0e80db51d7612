import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContentManifest } from '../../src/shared/content-types.ts';
import { DIST, openApp, type AppSession } from '../support/app-session.ts';
import { launch, PHONE, TABLET } from '../support/browser.ts';
import { readManifest } from '../support/dist-variants.ts';
import { startStaticServer, type TestServer } from '../support/static-server.ts';

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

describe('the reader on a tablet (820×1180, touch), offline', () => {
  let app: AppSession;
  let server: TestServer;
  let page: Page;
  let watch: AppSession['watch'];
  const manifest: ContentManifest = readManifest(DIST);

  beforeAll(async () => {
    app = await openApp(TABLET, { install: true });
    ({ server, page, watch } = app);
    await app.offline(true);
  });
  afterAll(() => app?.close());

  it('shows the outline beside the text and marks the current section', async () => {
    const c = manifest.chapters.find((x) => x.id === 'video-recommendation') ?? manifest.chapters.find((x) => x.part === 'cases')!;
    await page.goto(`${server.url}/read/${c.id}`);
    await page.locator('article h1').waitFor();
    const side = page.getByRole('navigation', { name: 'Sections of this chapter' });
    // Portrait hides the pane by default (tables get the width); the reader shows it.
    await expect(side.isVisible()).resolves.toBe(false);
    await page.getByRole('button', { name: 'Show contents' }).tap();
    await expect(side.isVisible()).resolves.toBe(true);
    const [sideBox, textBox] = await Promise.all([side.boundingBox(), page.locator('article').boundingBox()]);
    expect(sideBox!.x + sideBox!.width).toBeLessThanOrEqual(textBox!.x);
    expect(await page.getByRole('button', { name: 'Contents', exact: true }).isVisible()).toBe(false);
    await side.getByRole('link', { name: c.outline.find((o) => o.id === '5-evaluate')?.title ?? c.outline[4]!.title }).tap();
    await expect.poll(() => side.locator('[aria-current="location"]').count()).toBe(1);
  });

  it('keeps the page from scrolling sideways; wide tables scroll in their own box', async () => {
    for (const c of manifest.chapters.filter((x) => x.part === 'cases').slice(0, 4)) {
      await page.goto(`${server.url}/read/${c.id}`);
      await page.locator('article h1').waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth + 1), c.id).toBe(true);
    }
  });

  it('enlarges a diagram full screen with zoom, and closes it', async () => {
    const c = manifest.chapters.find((x) => x.part === 'cases')!;
    await page.goto(`${server.url}/read/${c.id}`);
    const button = page.getByRole('button', { name: /^Enlarge diagram/ }).first();
    await button.scrollIntoViewIfNeeded();
    await button.tap();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const before = await dialog.locator('svg').evaluate((el) => el.getBoundingClientRect().width);
    await dialog.getByRole('button', { name: 'Zoom in' }).tap();
    const after = await dialog.locator('svg').evaluate((el) => el.getBoundingClientRect().width);
    expect(after).toBeGreaterThan(before);
    await dialog.getByRole('button', { name: 'Close diagram' }).tap();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
  });

  it('has tap targets of at least 44 px for every control', async () => {
    await page.goto(`${server.url}/read/${manifest.chapters[2]!.id}`);
    await page.locator('article h1').waitFor();
    const small = await page.evaluate(() =>
      [...document.querySelectorAll('button, .topbar a, .outline a, .pager a, summary, .choice')]
        .filter((el) => (el as HTMLElement).offsetParent !== null)
        .map((el) => ({ el: el.textContent?.trim().slice(0, 30), r: el.getBoundingClientRect() }))
        .filter(({ r }) => r.width < 44 || r.height < 44)
        .map(({ el, r }) => `${el} ${Math.round(r.width)}×${Math.round(r.height)}`),
    );
    expect(small).toEqual([]);
  });

  it('ran with no CSP violation and no script error', () => {
    expect(watch.violations).toEqual([]);
    expect(watch.errors).toEqual([]);
  });
});

describe('accessibility (axe-core) on every screen, light and dark', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startStaticServer(DIST);
  });
  afterAll(async () => server?.close());

  for (const scheme of ['light', 'dark'] as const) {
    it(`has no axe violations on the library, a chapter, the glossary and settings (${scheme})`, async () => {
      const { context, close } = await launch(PHONE, { colorScheme: scheme });
      try {
        const page = context.pages()[0] ?? (await context.newPage());
        const found: string[] = [];
        for (const path of ['/', '/read/evaluate', '/read/video-recommendation', '/read/glossary', '/settings']) {
          await page.goto(`${server.url}${path}`);
          await page.locator('main h1').first().waitFor();
          await page.waitForTimeout(300);
          for (const v of await axe(page)) found.push(`${path}: ${v}`);
        }
        expect(found).toEqual([]);
      } finally {
        await close();
      }
    });
  }

  it('keeps sepia readable too (contrast check on a chapter)', async () => {
    const { context, close } = await launch(PHONE);
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(`${server.url}/settings`);
      await page.getByRole('radio', { name: 'Sepia' }).check();
      await page.goto(`${server.url}/read/metrics-sheet`);
      await page.locator('main h1').first().waitFor();
      expect(await axe(page)).toEqual([]);
    } finally {
      await close();
    }
  });
});
