import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.ts';

/**
 * The same end-to-end steps in engines other than Chromium, through their W3C drivers:
 * WebKitGTK (Debian's webkit2gtk-driver: WebKitWebDriver driving MiniBrowser under Xvfb, via
 * webdriverio) and Firefox ESR (Debian's firefox-esr via WebDriver BiDi, via puppeteer-core).
 * Nothing downloads a browser. A page is driven through scripts run in it, so one suite serves both.
 */
export interface EnginePage {
  engine: EngineName;
  goto(url: string): Promise<void>;
  /** Runs `fn` in the page with `arg` (a JSON value) and returns its JSON result. */
  run<A, T>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  /** Waits until `fn` returns a truthy value in the page. */
  until<A>(fn: (arg: A) => unknown, arg: A, timeoutMs?: number, what?: string): Promise<void>;
  /** A real click (the driver's own) on the first element matching `css`. */
  click(css: string): Promise<void>;
  /** Sets a file input to a file on this machine. */
  upload(css: string, path: string): Promise<void>;
  close(): Promise<void>;
}

export type EngineName = 'webkit' | 'firefox';

export const WEBKIT_DRIVER = '/usr/bin/WebKitWebDriver';
export const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** Why an engine cannot start here (a missing package), or null when it can. */
export function engineMissing(engine: EngineName): string | null {
  if (engine === 'webkit') {
    if (!existsSync(WEBKIT_DRIVER) || !existsSync(MINIBROWSER)) return 'WebKitGTK is not installed (apt-get install webkit2gtk-driver)';
    if (spawnSync('sh', ['-c', 'command -v xvfb-run']).status !== 0) return 'Xvfb is not installed (apt-get install xvfb xauth)';
    return null;
  }
  return existsSync(FIREFOX) ? null : 'Firefox ESR is not installed (apt-get install firefox-esr)';
}


async function waitFor(check: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  let last: unknown = null;
  while (Date.now() < end) {
    try {
      if (await check()) return;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
}

/** Serialises a page function for drivers that take a script string. */
const script = (fn: (arg: never) => unknown): string => `return (${fn.toString()})(arguments[0]);`;

async function openWebKit(): Promise<EnginePage> {
  const { remote } = await import('webdriverio');
  const port = await freePort();
  // A process group of its own, so stopping it stops Xvfb and the browser too.
  const driver: ChildProcess = spawn('xvfb-run', ['-a', WEBKIT_DRIVER, `--port=${port}`, '--host=127.0.0.1'], { stdio: 'ignore', detached: true });
  const stopDriver = () => {
    try {
      process.kill(-driver.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  try {
    await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/status`)).ok, 30_000, 'WebKitWebDriver');
    const browser = await remote({
      hostname: '127.0.0.1',
      port,
      path: '/',
      logLevel: 'silent',
      connectionRetryCount: 1,
      capabilities: { 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] } } as WebdriverIO.Capabilities,
    });
    return {
      engine: 'webkit',
      goto: async (url) => void (await browser.url(url)),
      run: async (fn, arg) => {
        const out = (await browser.executeAsync(
          `const done = arguments[arguments.length - 1]; Promise.resolve((${fn.toString()})(arguments[0])).then((v) => done({ v }), (e) => done({ e: String(e) }));`,
          arg,
        )) as { v?: unknown; e?: string };
        if (out.e !== undefined) throw new Error(`in the page: ${out.e}`);
        return out.v as never;
      },
      until: async (fn, arg, ms = 60_000, what = 'the page') => waitFor(async () => !!(await browser.execute(script(fn as (a: never) => unknown), arg)), ms, what),
      click: async (css) => void (await (await browser.$(css)).click()),
      upload: async (css, path) => {
        // WebKit's driver types only into inputs it deems interactable; the app's file input is
        // visually hidden behind its label, so show it for the moment of the upload.
        await browser.execute((sel: string) => {
          const el = document.querySelector<HTMLElement>(sel);
          if (el) el.style.cssText = 'position:static;width:200px;height:40px;clip:auto;opacity:1;margin:0;overflow:visible';
        }, css);
        await (await browser.$(css)).setValue(path);
      },
      close: async () => {
        await browser.deleteSession().catch(() => undefined);
        stopDriver();
      },
    };
  } catch (err) {
    stopDriver();
    throw err;
  }
}

async function openFirefox(): Promise<EnginePage> {
  const puppeteer = (await import('puppeteer-core')).default;
  const profile = mkdtempSync(join(tmpdir(), 'mlsd-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: profile,
    protocolTimeout: 120_000,
    // No background traffic, and persistent storage granted without a prompt (a user's answer).
    extraPrefsFirefox: { 'app.update.enabled': false, 'network.captive-portal-service.enabled': false, 'dom.storageManager.prompt.testing.allow': true, 'dom.storageManager.prompt.testing': true },
  });
  const page = await browser.newPage();
  await page.setViewport({ width: 412, height: 915, isMobile: true, hasTouch: true, deviceScaleFactor: 1 });
  return {
    engine: 'firefox',
    goto: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
    run: async (fn, arg) => (await page.evaluate(fn as (a: unknown) => unknown, arg as unknown)) as never,
    until: async (fn, arg, ms = 60_000, what = 'the page') => waitFor(async () => !!(await page.evaluate(fn as (a: unknown) => unknown, arg as unknown)), ms, what),
    click: async (css) => {
      await page.waitForSelector(css, { visible: true });
      await page.click(css);
    },
    upload: async (css, path) => {
      const input = await page.$(css);
      if (!input) throw new Error(`no ${css}`);
      await (input as unknown as { uploadFile(p: string): Promise<void> }).uploadFile(path);
    },
    close: async () => {
      await browser.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export const openEngine = (engine: EngineName): Promise<EnginePage> => (engine === 'webkit' ? openWebKit() : openFirefox());
