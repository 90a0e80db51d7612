/** Cleaning what the user typed before it reaches the index: any input is safe. */

/** Longest query searched; anything beyond is ignored (a pasted page never freezes the screen). */
export const MAX_QUERY = 200;
/** Most words of a query that are searched (each word costs a walk of the index). */
export const MAX_WORDS = 12;

const CONTROL = /[\p{Cc}\p{Cf}]+/gu;

/** The first `n` UTF-16 units of `text`, one fewer when the cut would split an emoji's pair (a lone half breaks `encodeURIComponent`). */
export function cutText(text: string, n: number): string {
  if (text.length <= n) return text;
  const last = text.charCodeAt(n - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? n - 1 : n);
}

/** Trims, drops control and formatting characters, collapses spaces, caps the length. */
export function cleanQuery(raw: string): string {
  return cutText(cutText(raw, MAX_QUERY * 2).replace(CONTROL, ' ').replace(/\s+/g, ' ').trim(), MAX_QUERY);
}
