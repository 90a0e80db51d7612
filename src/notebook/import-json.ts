import type { Annotation } from '../annotations/types.ts';
import { ANNO_CONTEXT, BACKUP_FORMAT, BACKUP_FORMAT_VERSION, LIMITS, parseIso } from './backup-format.ts';
import { formatCount } from '../ui/numbers.ts';
import { describe, readItem } from './validate-item.ts';

export interface ParseOptions {
  /** Cap on the text length (UTF-16 code units), checked before JSON.parse. Default 20 MB. */
  maxBytes?: number;
  /** Chapters of the installed guide; items for other chapters are KEPT and listed in `unknownChapterIds`. */
  knownChapterIds?: Set<string>;
}

export type ParseBackupResult =
  | {
      ok: true;
      annotations: Annotation[];
      contentVersion: string;
      exportedAt: number;
      /** Items dropped because the same id came again (the later `modified` is kept). */
      skipped: number;
      /** Sorted chapter ids not in `knownChapterIds` (their items are still in `annotations`). */
      unknownChapterIds: string[];
      /** Which part of a backup written in several files this is (see backup-parts.ts); null for a whole backup. */
      part: BackupPart | null;
      /** The file's "mlsd:data" part as parsed (every feature's records), validated by backup-data.ts. */
      data: unknown;
    }
  | { ok: false; message: string };

const NOT_OURS = 'This is not an MLSD Pocket backup';

export interface BackupPart {
  index: number;
  of: number;
}

/**
 * Validates a whole backup before anything is written: on any problem nothing is returned but
 * one message naming what is wrong and where. The inverse of toWebAnnotationJson.
 */
export function parseBackup(text: string, opts: ParseOptions = {}): ParseBackupResult {
  const maxBytes = opts.maxBytes ?? LIMITS.maxBytes;
  if (text.length > maxBytes) return failed(tooLarge(text.length, maxBytes));
  const json = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (json.trim() === '') return failed('This file is empty.');
  if (looksBinary(json)) return failed(`${NOT_OURS}: it is not text at all (it looks like a picture, an archive or another binary file).`);
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    // Never echo the parser's message: it quotes the file's own bytes.
    const at = /position (\d+)/.exec(e instanceof Error ? e.message : '')?.[1];
    return failed(`This file is cut off or is not JSON: it stops making sense ${at ? `near character ${formatCount(Number(at))}` : 'somewhere in it'}.`);
  }
  const header = readHeader(data);
  if (typeof header === 'string') return failed(header);

  const { items, contentVersion, exportedAt, part } = header;
  const annotations: Annotation[] = [];
  const seen = new Map<string, number>();
  let firstProblem = '';
  let problems = 0;
  let skipped = 0;
  items.forEach((raw, i) => {
    const r = readItem(raw);
    if (!r.ok) {
      if (problems++ === 0) firstProblem = `Item ${formatCount(i + 1)} of ${formatCount(items.length)}: ${r.problem}.`;
      return;
    }
    const at = seen.get(r.annotation.id);
    if (at === undefined) {
      seen.set(r.annotation.id, annotations.push(r.annotation) - 1);
      return;
    }
    skipped++;
    const earlier = annotations[at];
    // Same id twice: keep the later `modified`; on a tie, the later one in the file.
    if (earlier && r.annotation.updatedAt >= earlier.updatedAt) annotations[at] = r.annotation;
  });
  if (problems > 0) {
    const more = problems - 1;
    return failed(more === 0 ? firstProblem : `${firstProblem} ${formatCount(more)} more item${more === 1 ? ' has' : 's have'} problems too.`);
  }

  const known = opts.knownChapterIds;
  const unknownChapterIds = known ? [...new Set(annotations.map((a) => a.chapterId).filter((id) => !known.has(id)))].sort() : [];
  return { ok: true, annotations, contentVersion, exportedAt, skipped, unknownChapterIds, part, data: (data as Record<string, unknown>)['mlsd:data'] };
}

interface Header {
  items: unknown[];
  contentVersion: string;
  exportedAt: number;
  part: BackupPart | null;
}

/** "mlsd:part" when it is a sensible { index, of }; anything else is ignored (the file imports on its own anyway). */
function readPart(raw: unknown): BackupPart | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { index, of } = raw as Record<string, unknown>;
  const ok = Number.isInteger(index) && Number.isInteger(of) && (index as number) >= 1 && (index as number) <= (of as number) && (of as number) <= 100_000;
  return ok ? { index: index as number, of: of as number } : null;
}

/** The collection around the items: a Header, or the message saying what is wrong. */
function readHeader(data: unknown): Header | string {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return `${NOT_OURS}: the file holds JSON, but not highlights and notes.`;
  }
  const c = data as Record<string, unknown>;
  const get = (key: string): unknown => (Object.hasOwn(c, key) ? c[key] : undefined);
  const context = get('@context');
  const contextOk = context === ANNO_CONTEXT || (Array.isArray(context) && context.includes(ANNO_CONTEXT));
  if (get('mlsd:format') !== BACKUP_FORMAT || get('type') !== 'AnnotationCollection' || !contextOk) {
    const type = get('type');
    return type === 'AnnotationCollection' || type === 'Annotation' || type === 'AnnotationPage'
      ? `${NOT_OURS}: it holds web annotations, but they were not saved by MLSD Pocket.`
      : `${NOT_OURS}: the file holds JSON, but not highlights and notes.`;
  }
  const version = get('mlsd:formatVersion');
  if (typeof version === 'number' && version > BACKUP_FORMAT_VERSION) {
    return `This backup was made by a newer version of MLSD Pocket (format ${version}). Update the app, then import it again.`;
  }
  if (version !== BACKUP_FORMAT_VERSION) return `This backup's format version should be ${BACKUP_FORMAT_VERSION}, but it is ${describe(version)}.`;
  const contentVersion = get('mlsd:contentVersion');
  if (typeof contentVersion !== 'string' || contentVersion.length > LIMITS.maxId) {
    return `This backup's guide version ("mlsd:contentVersion") should be text of at most ${LIMITS.maxId} characters, but it is ${describe(contentVersion)}.`;
  }
  const exported = get('mlsd:exportedAt');
  const exportedAt = typeof exported === 'string' ? parseIso(exported) : null;
  if (exportedAt === null) return `This backup's export date ("mlsd:exportedAt") is not a valid date: it is ${describe(exported)}.`;
  const first = get('first');
  const items = typeof first === 'object' && first !== null && Object.hasOwn(first, 'items') ? (first as { items: unknown }).items : undefined;
  if (!Array.isArray(items)) return `This backup has no list of highlights and notes ("first.items" is ${describe(items)}).`;
  if (items.length > LIMITS.maxItems) {
    return `This backup has ${formatCount(items.length)} highlights and notes; the most one backup can hold is ${formatCount(LIMITS.maxItems)}.`;
  }
  const total = get('total');
  if (typeof total !== 'number') return `This backup's item count ("total") should be a number, but it is ${describe(total)}.`;
  if (total !== items.length) {
    return `This backup says it holds ${formatCount(total)} items but has ${formatCount(items.length)}: it may have been cut short or edited.`;
  }
  return { items, contentVersion, exportedAt, part: readPart(get('mlsd:part')) };
}

function failed(message: string): { ok: false; message: string } {
  return { ok: false, message };
}

/** Text with NUL or other control characters (besides tab and line breaks) in its first 4 KB is not a backup. */
function looksBinary(text: string): boolean {
  return /[\u0000-\u0008\u000e-\u001f\ufffd]/.test(text.slice(0, 4096));
}

/** A size in words, in one unit throughout (1 KB = 1,000 bytes, 1 MB = 1,000,000 bytes), to one decimal. */
export function sizeWords(n: number): string {
  if (n < 1_000_000) return `${(n / 1000).toFixed(1)} KB`;
  return `${(n / 1_000_000).toFixed(1)} MB`;
}

/** "This file is … ; a backup can be at most …", exact in bytes where rounding would hide the difference. */
export function tooLarge(size: number, max: number): string {
  const [a, b] = sizeWords(size) === sizeWords(max) ? [`${formatCount(size)} bytes`, `${formatCount(max)} bytes`] : [sizeWords(size), sizeWords(max)];
  return `This file is too large (${a}). A backup can be at most ${b}.`;
}
