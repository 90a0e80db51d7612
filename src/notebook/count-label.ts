/** "1 highlight or note", "12 highlights and notes". */
export const itemsLabel = (n: number): string => (n === 1 ? '1 highlight or note' : `${n.toLocaleString('en-GB')} highlights and notes`);
