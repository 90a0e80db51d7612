/** Cleaning what the user typed before it reaches the index: any input is safe. */

/** Longest query searched; anything beyond is ignored (a pasted page never freezes the screen). */
export const MAX_QUERY = 200;
/** Most words of a query that are searched (each word costs a walk of the index). */
export const MAX_WORDS = 12;

const CONTROL = /[\p{Cc}\p{Cf}]+/gu;

/** Trims, drops control and formatting characters, collapses spaces, caps the length. */
export function cleanQuery(raw: string): string {
  return raw.slice(0, MAX_QUERY * 2).replace(CONTROL, ' ').replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY);
}
