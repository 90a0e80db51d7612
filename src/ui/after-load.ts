/**
 * Runs `fn` in a task of its own once the page has loaded (soon, if it already has): for start-up
 * work the first screen does not need, so its code stays out of the first load.
 */
export function afterLoad(fn: () => void): void {
  if (document.readyState === 'complete') setTimeout(fn, 0);
  else addEventListener('load', () => setTimeout(fn, 0), { once: true });
}
