import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../src/annotations/types.ts';
import { LIMITS } from '../../src/notebook/backup-format.ts';
import { toWebAnnotationJson } from '../../src/notebook/export-json.ts';
import { parseBackup, tooLarge } from '../../src/notebook/import-json.ts';

const CTX = { contentVersion: 'v-2025-01', exportedAt: Date.UTC(2025, 5, 1), appVersion: '0.1.0' };
const T = Date.UTC(2025, 0, 1);
const id = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

/** A highlight as the app makes it: 32 characters of context either side, a quote, maybe a note. */
function highlight(i: number, quoteLength: number, noteLength: number, context = 32): Annotation {
  const exact = 'q'.repeat(quoteLength);
  return {
    id: id(i), chapterId: 'feature-stores', sectionId: null, colour: 'yellow', status: 'anchored',
    anchor: { quote: { type: 'TextQuoteSelector', exact, prefix: 'p'.repeat(context), suffix: 's'.repeat(context) }, position: { type: 'TextPositionSelector', start: i, end: i + quoteLength } },
    note: 'n'.repeat(noteLength), contentVersion: 'v-2025-01', chapterHash: 'h-feature-stores', createdAt: T + i, updatedAt: T + i,
  };
}

const roundTrip = (list: Annotation[]) => {
  const text = toWebAnnotationJson(list, CTX);
  const r = parseBackup(text);
  if (!r.ok) throw new Error(r.message);
  return { text, back: r.annotations };
};

describe('every backup the app can make imports back (export ⊆ import)', () => {
  it('the size cap follows from the item cap: the most items, each an ordinary highlight with a note, fit and import', { timeout: 90_000 }, () => {
    const list = Array.from({ length: LIMITS.maxItems }, (_, i) => highlight(i, 240, i % 3 ? 0 : 400));
    const { text, back } = roundTrip(list);
    expect(text.length).toBeLessThan(LIMITS.maxBytes);
    expect(back).toHaveLength(LIMITS.maxItems);
    expect(back[49_999]).toEqual(list[49_999]);
  });

  it('imports items at every per-item limit: a note of 100,000 characters, a quote of 10,000, context of 1,000', () => {
    const list = Array.from({ length: 40 }, (_, i) => highlight(i, LIMITS.maxQuote, LIMITS.maxNote, LIMITS.maxContext));
    const { back } = roundTrip(list);
    expect(back).toEqual(list);
  });

  it('refuses one character over a limit, naming the item and the limit', () => {
    const r = parseBackup(toWebAnnotationJson([highlight(1, 10, LIMITS.maxNote + 1)], CTX));
    expect(r.ok ? '' : r.message).toBe('Item 1 of 1: the note is 100,001 characters long; the limit is 100,000.');
  });

  it('writes compact JSON: 20,000 highlights that took over 20 MiB indented take far less', () => {
    const text = toWebAnnotationJson(Array.from({ length: 20_000 }, (_, i) => highlight(i, 240, 0)), CTX);
    const indented = JSON.stringify(JSON.parse(text), null, 2);
    expect(indented.length).toBeGreaterThan(20 * 1024 * 1024);
    expect(text).not.toContain('\n  ');
    expect(text.length).toBeLessThan(0.7 * indented.length);
  });
});

describe('import messages in plain words', () => {
  it('names sizes in one unit, and exactly when rounding would make them look equal', () => {
    expect(tooLarge(21_300_000, 20_000_000)).toBe('This file is too large (21.3 MB). A backup can be at most 20.0 MB.');
    expect(tooLarge(20_000_001, 20_000_000)).toBe('This file is too large (20,000,001 bytes). A backup can be at most 20,000,000 bytes.');
    expect(tooLarge(2_500, 1_024)).toBe('This file is too large (2.5 KB). A backup can be at most 1.0 KB.');
  });

  it("never echoes a binary file's bytes", () => {
    const binary = `\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR${'\ufffd'.repeat(40)}`;
    const r = parseBackup(binary);
    expect(r.ok ? '' : r.message).toBe('This is not an MLSD Pocket backup: it is not text at all (it looks like a picture, an archive or another binary file).');
  });

  it('says where a cut-off file stops making sense, without quoting it', () => {
    const text = toWebAnnotationJson([highlight(1, 10, 10)], CTX);
    const r = parseBackup(text.slice(0, 300));
    expect(r.ok ? '' : r.message).toMatch(/^This file is cut off or is not JSON: it stops making sense (near character [\d,]+|somewhere in it)\.$/);
    expect(r.ok ? '' : r.message).not.toContain('qqq');
  });
});
