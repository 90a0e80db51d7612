/** Resolves when the first screen's own content is drawn (see holdStartupWork); at once when nothing holds it. */
let firstScreen: Promise<void> = Promise.resolve();
let release: () => void = () => {};

/**
 * A start on a screen whose content arrives after the load event (a chapter, read from IndexedDB): start-up
 * work waits until `screenDrawn()` says that content is on screen, or `limit` ms, so it never competes with it.
 */
export function holdStartupWork(limit = 5000): void {
  firstScreen = new Promise<void>((res) => {
    release = res;
    setTimeout(res, limit);
  });
}

/** Runs `fn` once the next frame has been drawn (a task queued from that frame's animation callbacks). */
export const afterFrame = (fn: () => void): void => void requestAnimationFrame(() => setTimeout(fn));

/** The first screen's content is in the DOM: start-up work may begin once the frame that draws it is over. */
export function screenDrawn(): void {
  afterFrame(() => release());
}

/**
 * Runs `fn` once the page has loaded, the first screen is drawn and the main thread is first idle, or within
 * `timeout` ms of that: for start-up work the first screen does not need (nothing drawn: drawing late would
 * shift the layout), so its code stays out of the first load and its work out of the way of the first paint.
 */
export function afterLoad(fn: () => void, timeout = 2000): void {
  const idle = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => void }).requestIdleCallback;
  const run = () => void firstScreen.then(() => (idle ? idle(fn, { timeout }) : setTimeout(fn, 200)));
  if (document.readyState === 'complete') run();
  else addEventListener('load', run, { once: true });
}
