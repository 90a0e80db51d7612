import { formatCount } from '../ui/numbers.ts';

/** "1 highlight or note", "12 highlights and notes". */
export const itemsLabel = (n: number): string => (n === 1 ? '1 highlight or note' : `${formatCount(n)} highlights and notes`);
