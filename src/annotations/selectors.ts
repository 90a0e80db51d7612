import { QUOTE_CONTEXT, type Anchor } from './types.ts';

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * The saved selectors for the range [start, end) of a chapter's plain text: the quote with up to
 * QUOTE_CONTEXT characters either side (never half of a surrogate pair) and the position.
 * Throws a RangeError on an empty, blank or out-of-range selection.
 */
export function anchorFor(text: string, start: number, end: number): Anchor {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new RangeError(`cannot anchor [${start}, ${end}) in a text of ${text.length} characters`);
  }
  const exact = text.slice(start, end);
  if (exact.trim() === '') throw new RangeError(`cannot anchor a blank selection at [${start}, ${end})`);
  let from = Math.max(0, start - QUOTE_CONTEXT);
  if (from > 0 && from < start && isLowSurrogate(text.charCodeAt(from))) from += 1;
  let to = Math.min(text.length, end + QUOTE_CONTEXT);
  if (to > end && to < text.length && isHighSurrogate(text.charCodeAt(to - 1))) to -= 1;
  return {
    quote: { type: 'TextQuoteSelector', exact, prefix: text.slice(from, start), suffix: text.slice(end, to) },
    position: { type: 'TextPositionSelector', start, end },
  };
}
