import type { Annotation } from '../annotations/types.ts';
import type { ContentManifest } from '../shared/content-types.ts';
import { isTimestamp, toIso } from './backup-format.ts';
import { displayQuote, sectionAt, type ChapterIndex } from './chapter-index.ts';
import { sortForReading } from './reading-order.ts';

export const CSV_HEADER = ['id', 'chapter', 'chapter_title', 'section', 'colour', 'quote', 'note', 'status', 'created', 'modified'] as const;

/**
 * The notebook as RFC 4180 CSV for spreadsheets: CRLF line ends (after the last row too), a header
 * row, rows in reading order; `section` is the section a passage is in (from the chapter index) and
 * quotes keep their block breaks. No byte-order mark: a caller saving for Excel prepends '\uFEFF'.
 * Formula injection: a cell starting with = + - @ TAB or CR gets a leading ' so a spreadsheet
 * shows it as text instead of running it (a note "-5" is exported as "'-5"; the JSON backup keeps
 * the exact text).
 */
export function toCsv(annotations: Annotation[], manifest: ContentManifest, indexes?: ReadonlyMap<string, ChapterIndex | null>): string {
  const chapters = new Map(manifest.chapters.map((c) => [c.id, c]));
  const section = (a: Annotation): string => {
    const index = indexes?.get(a.chapterId) ?? null;
    if (a.anchor) return index ? (sectionAt(index, a.anchor.position.start).sectionTitle ?? '') : '';
    return a.sectionId ? (chapters.get(a.chapterId)?.outline.find((s) => s.id === a.sectionId)?.title ?? '') : '';
  };
  const rows = sortForReading(annotations, manifest).map((a) => [
    a.id,
    a.chapterId,
    chapters.get(a.chapterId)?.title ?? '',
    section(a),
    a.colour ?? '',
    a.anchor ? displayQuote(a.anchor.quote.exact, a.anchor.position.start, indexes?.get(a.chapterId) ?? null) : '',
    a.note,
    a.status,
    isTimestamp(a.createdAt) ? toIso(a.createdAt) : '',
    isTimestamp(a.updatedAt) ? toIso(a.updatedAt) : '',
  ]);
  return [[...CSV_HEADER], ...rows].map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}

/** One field: defused against formulas, then quoted when it holds a comma, quote, CR or LF. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
