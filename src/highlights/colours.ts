import { COLOURS, type Colour } from '../annotations/types.ts';

export const COLOUR_NAMES: Record<Colour, string> = { yellow: 'Yellow', green: 'Green', blue: 'Blue', pink: 'Pink', purple: 'Purple' };
const KEY = 'mlsd-pocket:last-colour';

/** The last colour used; new highlights use it by default. */
export function lastColour(): Colour {
  try {
    const v = localStorage.getItem(KEY);
    return (COLOURS as readonly string[]).includes(v ?? '') ? (v as Colour) : 'yellow';
  } catch {
    return 'yellow';
  }
}

export function rememberColour(c: Colour): void {
  try {
    localStorage.setItem(KEY, c);
  } catch {
    // a preference only
  }
}
