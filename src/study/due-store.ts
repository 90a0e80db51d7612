import { createStore } from '../ui/store.ts';
import { formatCount } from '../ui/numbers.ts';

/**
 * The number on the top bar's Review link (null until counted). Only this store and the label are
 * in the first load; the count itself (`due-badge.ts`) loads on first use.
 */
export const dueCount = createStore<number | null>(null);

export const reviewLabel = (n: number | null): string => (n === null ? 'Review' : `Review, ${formatCount(n)} due`);
