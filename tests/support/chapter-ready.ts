import type { Page } from 'playwright-core';

/**
 * Waits until the chapter last opened is whole in the DOM: the reader draws its first screen at once
 * (`chapter-open`) and the rest in idle slices (`chapter-complete`, measured from the same start).
 */
export async function chapterComplete(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const open = performance.getEntriesByName('chapter-open').at(-1);
      const done = performance.getEntriesByName('chapter-complete').at(-1);
      return !!open && !!done && done.startTime === open.startTime;
    },
    null,
    { timeout },
  );
}
