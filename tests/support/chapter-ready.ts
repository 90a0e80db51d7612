import type { Page } from 'playwright-core';

/**
 * Waits until the chapter last opened is whole in the DOM: the reader draws its first screen at once
 * (`chapter-open`) and the rest in idle slices (`chapter-complete`, measured from the same start).
 */
export async function chapterComplete(page: Page, timeout = 30_000, opensBefore = 0): Promise<void> {
  await page.waitForFunction(
    (before) => {
      const opens = performance.getEntriesByName('chapter-open');
      const open = opens.at(-1);
      const done = performance.getEntriesByName('chapter-complete').at(-1);
      return opens.length > before && !!open && !!done && done.startTime === open.startTime;
    },
    opensBefore,
    { timeout },
  );
}

/** How many chapters this page has opened so far: pass it to chapterComplete before moving to another chapter in the app. */
export const chapterOpens = (page: Page): Promise<number> => page.evaluate(() => performance.getEntriesByName('chapter-open').length);
