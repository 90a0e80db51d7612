/** Pure text finding for "Find in chapter": every case-insensitive occurrence, capped. */

export const MAX_FIND = 1000;
export const MAX_NEEDLE = 100;

/** Lower-cases code unit by code unit, so offsets in the result are offsets in `s`. */
export function foldCase(s: string): string {
  let out = '';
  for (const c of s) {
    const l = c.toLowerCase();
    out += l.length === c.length ? l : c;
  }
  return out;
}

/** [start, end) of each occurrence of `needle` in `text`, ignoring case, without overlaps. */
export function findAll(text: string, needle: string, max = MAX_FIND): Array<[number, number]> {
  const n = foldCase(needle.replace(/\s+/g, ' ').trim().slice(0, MAX_NEEDLE));
  if (!n) return [];
  const hay = foldCase(text);
  const out: Array<[number, number]> = [];
  for (let i = hay.indexOf(n); i >= 0 && out.length < max; i = hay.indexOf(n, i + n.length)) out.push([i, i + n.length]);
  return out;
}

/** "3 of 12", or a plain sentence when nothing matched. */
export function findLabel(current: number, total: number, capped: boolean): string {
  if (total === 0) return 'No matches';
  return `${current + 1} of ${total}${capped ? '+' : ''}`;
}
