import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../src/annotations/types.ts';
import { LIMITS } from '../../src/notebook/backup-format.ts';
import { backupFiles, FILE_LIMITS, utf8Length } from '../../src/notebook/backup-parts.ts';
import { toWebAnnotationJson } from '../../src/notebook/export-json.ts';
import { parseBackup } from '../../src/notebook/import-json.ts';

const CTX = { contentVersion: 'v-2025-01', exportedAt: Date.UTC(2025, 5, 1), appVersion: '0.1.0' };
const T = Date.UTC(2025, 0, 1);
const id = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

function note(i: number, text: string): Annotation {
  return {
    id: id(i), chapterId: 'feature-stores', sectionId: null, colour: 'yellow', status: 'anchored',
    anchor: { quote: { type: 'TextQuoteSelector', exact: 'quote', prefix: 'p'.repeat(32), suffix: 's'.repeat(32) }, position: { type: 'TextPositionSelector', start: i, end: i + 5 } },
    note: text, contentVersion: 'v-2025-01', chapterHash: 'h-feature-stores', createdAt: T + i, updatedAt: T + i,
  };
}

/** Every file imports on its own, within the file limits (in UTF-8 bytes, what a file's size counts); returns all items and data. */
function importAll(files: string[]) {
  const annotations: Annotation[] = [];
  const data: Record<string, unknown[]> = {};
  const parts: unknown[] = [];
  for (const text of files) {
    expect(utf8Length(text)).toBeLessThanOrEqual(LIMITS.maxBytes);
    expect(Buffer.byteLength(text, 'utf8')).toBe(utf8Length(text));
    const r = parseBackup(text);
    if (!r.ok) throw new Error(r.message);
    annotations.push(...r.annotations);
    parts.push(r.part);
    for (const [k, v] of Object.entries((JSON.parse(text) as { 'mlsd:data'?: Record<string, unknown[]> })['mlsd:data'] ?? {})) (data[k] ??= []).push(...v);
  }
  return { annotations, data, parts };
}

describe('a backup larger than one file may be is written in parts, every part imports, together they hold everything', () => {
  it('at the limit: 1,150 notes of 100,000 characters (over 100 MB, some in two-byte letters) make parts within the byte cap', { timeout: 240_000 }, () => {
    const list = Array.from({ length: 1_150 }, (_, i) => note(i, (i % 4 === 0 ? 'é' : 'n').repeat(LIMITS.maxNote)));
    const data = { reviews: Array.from({ length: 2_000 }, (_, i) => ({ id: `r${i}`, grade: 3 })) };
    const files = backupFiles(list, { ...CTX, data });
    expect(files.length).toBeGreaterThanOrEqual(2);
    const back = importAll(files);
    expect(back.annotations.length).toBe(list.length);
    expect(back.annotations).toEqual(list);
    expect(back.data.reviews).toEqual(data.reviews);
    expect(back.parts).toEqual(files.map((_, i) => ({ index: i + 1, of: files.length })));
    // One file of all of it would be refused by the importer.
    expect(utf8Length(toWebAnnotationJson(list, { ...CTX, data }))).toBeGreaterThan(LIMITS.maxBytes);
  });

  it('more items than one file may hold: 50,001 highlights make two parts', { timeout: 120_000 }, () => {
    const list = Array.from({ length: LIMITS.maxItems + 1 }, (_, i) => note(i, ''));
    const files = backupFiles(list, CTX);
    expect(files).toHaveLength(2);
    const back = importAll(files);
    expect(back.annotations.map((a) => a.id)).toEqual(list.map((a) => a.id));
  });

  it("splits a feature's records at that section's cap", () => {
    const data = { reviews: Array.from({ length: 25 }, (_, i) => ({ id: `r${i}` })), cards: [{ id: 'c1' }] };
    const files = backupFiles([note(1, 'x')], { ...CTX, data }, { ...FILE_LIMITS, maxRecords: (k) => (k === 'reviews' ? 10 : 100) });
    expect(files).toHaveLength(3);
    const back = importAll(files);
    expect(back.data.reviews).toEqual(data.reviews);
    expect(back.data.cards).toEqual(data.cards);
  });

  it('a backup that fits is one file, exactly as before', () => {
    const list = [note(1, 'a note'), note(2, '')];
    const data = { cards: [] as unknown[] };
    expect(backupFiles(list, { ...CTX, data })).toEqual([toWebAnnotationJson(list, { ...CTX, data })]);
  });

  it('counts UTF-8 bytes, surrogate pairs as four', () => {
    expect(utf8Length('aé€😀')).toBe(1 + 2 + 3 + 4);
  });
});
