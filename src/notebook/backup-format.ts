/**
 * The backup file: a W3C Web Annotation `AnnotationCollection` with ONE embedded page
 * (`first.items`, never a top-level `items`), so a single file is the whole, self-contained backup.
 * Everything the W3C model has no word for lives under `mlsd:` keys; unknown keys are ignored.
 *
 *   { "@context": ANNO_CONTEXT, "type": "AnnotationCollection", "label", "generator",
 *     "mlsd:format": BACKUP_FORMAT, "mlsd:formatVersion": 1, "mlsd:contentVersion",
 *     "mlsd:exportedAt" (ISO), "total", "first": { "type": "AnnotationPage", "startIndex": 0, "items" } }
 *
 * A backup larger than one file may be (LIMITS) is written as several such files, each complete
 * for its share of the records, marked "mlsd:part": { "index": 1, "of": 3 } with one shared
 * "mlsd:exportedAt" (backup-parts.ts). An importer that does not know "mlsd:part" still imports each.
 */

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const BACKUP_FORMAT = 'mlsd-pocket-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const APP_NAME = 'MLSD Pocket';
export const SOURCE_PREFIX = 'mlsd-pocket:chapter/';
export const COLOUR_TAG_PREFIX = 'colour:';
export const NOTE_FORMAT = 'text/markdown';
/** FragmentSelector for a section note: the value is the heading id (an HTML fragment). */
export const FRAGMENT_CONFORMS_TO = 'http://tools.ietf.org/rfc/rfc3986';

/**
 * Room per item in the size cap: a compact item (a highlight with its 32-character context, a
 * few hundred characters of quote and note, ids and dates) is 0.5–1 KB, so 2 KB each leaves a
 * full backup of MAX_ITEMS ordinary highlights well inside the cap.
 */
export const ITEM_ROOM = 2_048;
const MAX_ITEMS = 50_000;

/** Limits on an imported file (and on what the app ever saves, so every export imports back). */
export const LIMITS = {
  /**
   * Cap on the file, in UTF-16 code units of the text (≤ its UTF-8 size): it follows from the item
   * cap (MAX_ITEMS × ITEM_ROOM = 102,400,000, about 102 MB), and the export is compact JSON.
   */
  maxBytes: MAX_ITEMS * ITEM_ROOM,
  maxItems: MAX_ITEMS,
  maxNote: 100_000,
  maxQuote: 10_000,
  /** Prefix/suffix context: the app writes QUOTE_CONTEXT (32); this leaves room to grow. */
  maxContext: 1_000,
  /** Chapter ids, section ids, content versions, chapter hashes. */
  maxId: 256,
} as const;

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The latest instant an ISO date with a four-digit year can hold (9999-12-31T23:59:59.999Z). */
const MAX_TIME = 253_402_300_799_999;

/** A timestamp the backup can carry losslessly: whole milliseconds from 1970 to year 9999. */
export function isTimestamp(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= MAX_TIME;
}

export function toIso(ms: number): string {
  return new Date(ms).toISOString();
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?(Z|[+-]\d{2}:\d{2})$/;

/** Strict ISO 8601 date-time (with a zone) → ms, or null; rejects impossible dates like 02-30. */
export function parseIso(s: string): number | null {
  const m = ISO.exec(s);
  if (!m) return null;
  const [y, mo, d, h, mi, sec] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || sec > 59) return null;
  if (d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return null;
  const ms = Date.parse(s);
  return isTimestamp(ms) ? ms : null;
}
