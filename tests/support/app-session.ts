import { resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launch, type Profile } from './browser.ts';
import { readManifest } from './dist-variants.ts';
import { installPeek, waitUntilOffline, watchPage } from './page-helpers.ts';
import { startStaticServer, type TestServer } from './static-server.ts';

export const DIST = resolve(process.env.MLSD_DIST ?? resolve(import.meta.dirname, '../../dist'));

export interface AppSession {
  server: TestServer;
  context: BrowserContext;
  page: Page;
  watch: Awaited<ReturnType<typeof watchPage>>;
  /** Cuts (or restores) the network: the server drops every connection and Chromium goes offline. */
  offline(on: boolean): Promise<void>;
  close(): Promise<void>;
}

/** The built app on a local server, in a fresh Chromium profile; with `install`, after the guide is saved offline. */
export async function openApp(profile: Profile, opts: { install?: boolean; colorScheme?: 'light' | 'dark' } = {}): Promise<AppSession> {
  const server = await startStaticServer(DIST);
  const { context, close } = await launch(profile, opts.colorScheme ? { colorScheme: opts.colorScheme } : {});
  const page = context.pages()[0] ?? (await context.newPage());
  const watch = await watchPage(page);
  await installPeek(page);
  if (opts.install) {
    await page.goto(`${server.url}/`);
    await waitUntilOffline(page, readManifest(DIST).chapters.length);
  }
  return {
    server,
    context,
    page,
    watch,
    async offline(on) {
      server.setOffline(on);
      await context.setOffline(on);
    },
    async close() {
      await close();
      await server.close();
    },
  };
}
