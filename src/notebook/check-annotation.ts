import { COLOURS, type Annotation } from '../annotations/types.ts';
import { isTimestamp, KEBAB, LIMITS, UUID } from './backup-format.ts';
import { formatCount } from '../ui/numbers.ts';

/**
 * The rules every saved annotation keeps, in plain words: null when `a` is fine, otherwise what is
 * wrong. Used by the importer; the app can call it before saving so every backup stays importable.
 */
export function annotationProblem(a: Annotation): string | null {
  if (!UUID.test(a.id)) return `its id must be a lowercase UUID, but it is ${shown(a.id)}`;
  if (!KEBAB.test(a.chapterId) || a.chapterId.length > LIMITS.maxId) {
    return `the chapter id ${shown(a.chapterId)} is not a valid chapter id (lowercase words joined by "-")`;
  }
  if (a.anchor) {
    const problem = anchorProblem(a.anchor);
    if (problem) return problem;
  }
  if (a.sectionId !== null && (a.sectionId === '' || a.sectionId.length > LIMITS.maxId)) {
    return `the section id must be 1 to ${LIMITS.maxId} characters long`;
  }
  if (a.colour !== null && !(COLOURS as readonly string[]).includes(a.colour)) {
    return `the colour ${shown(a.colour)} is not one of ${COLOURS.join(', ')}`;
  }
  if (a.note.length > LIMITS.maxNote) {
    return `the note is ${formatCount(a.note.length)} characters long; the limit is ${formatCount(LIMITS.maxNote)}`;
  }
  if (a.contentVersion.length > LIMITS.maxId) return `the content version is longer than ${LIMITS.maxId} characters`;
  if (a.chapterHash.length > LIMITS.maxId) return `the chapter hash is longer than ${LIMITS.maxId} characters`;
  if (a.status !== 'anchored' && a.status !== 'orphaned') return `the status ${shown(a.status)} is not "anchored" or "orphaned"`;
  if (!isTimestamp(a.createdAt)) return 'the creation date is not a valid date between 1970 and 9999';
  if (!isTimestamp(a.updatedAt)) return 'the last-changed date is not a valid date between 1970 and 9999';
  return null;
}

function anchorProblem({ quote, position }: NonNullable<Annotation['anchor']>): string | null {
  const { start, end } = position;
  if (!Number.isSafeInteger(start) || start < 0) return `the highlight's start position must be a whole number, 0 or more, but it is ${start}`;
  if (!Number.isSafeInteger(end) || end <= start) return `the highlight's end position (${end}) must be a whole number after its start (${start})`;
  if (quote.exact === '') return 'the highlighted text is empty';
  if (quote.exact.length > LIMITS.maxQuote) {
    return `the highlighted text is ${formatCount(quote.exact.length)} characters long; the limit is ${formatCount(LIMITS.maxQuote)}`;
  }
  if (quote.exact.length !== end - start) {
    return `the highlighted text is ${quote.exact.length} characters long, but its position (${start} to ${end}) covers ${end - start}`;
  }
  if (quote.prefix.length > LIMITS.maxContext || quote.suffix.length > LIMITS.maxContext) {
    return `the text around the highlight is longer than ${formatCount(LIMITS.maxContext)} characters`;
  }
  return null;
}

/** A value as a user can read it in a message: quoted, and cut short. */
export function shown(value: unknown): string {
  const s = typeof value === 'string' ? value : String(value);
  return JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);
}
