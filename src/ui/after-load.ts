/**
 * Runs `fn` once the page has loaded and the main thread is first idle (the first screen drawn), or within
 * `timeout` ms of the load: for start-up work the first screen does not need (nothing drawn: drawing late would
 * shift the layout), so its code stays out of the first load and its work out of the way of the first paint.
 */
export function afterLoad(fn: () => void, timeout = 2000): void {
  const idle = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => void }).requestIdleCallback;
  const run = () => (idle ? idle(fn, { timeout }) : setTimeout(fn, 200));
  if (document.readyState === 'complete') run();
  else addEventListener('load', run, { once: true });
}
