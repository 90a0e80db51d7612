import type { Annotation } from '../annotations/types.ts';
import { LIMITS } from './backup-format.ts';
import { toWebAnnotation, toWebAnnotationJson, type ExportContext } from './export-json.ts';

/**
 * A backup larger than one file may be, in several files. The importer caps a file (LIMITS:
 * bytes and items, and each "mlsd:data" section's records) so that a hostile or broken file cannot
 * exhaust a phone's memory; the app never refuses to save a note because the notebook grew. So
 * when everything the user made is more than one file can hold, the backup is written as parts:
 * each part is a complete backup of its share of the records (it imports on its own, merged by
 * id like any backup), every part within every limit, and together they hold everything. Pure.
 */

export interface PartLimits {
  /** Most bytes in one file (UTF-8, which is what a file's size counts). */
  maxBytes: number;
  maxItems: number;
  /** Most records of one "mlsd:data" section in one file. */
  maxRecords: (key: string) => number;
}

export const FILE_LIMITS: PartLimits = { maxBytes: LIMITS.maxBytes, maxItems: LIMITS.maxItems, maxRecords: () => Number.POSITIVE_INFINITY };

/** Room left in every part for the collection around the items (labels, dates, section keys). */
const HEADER_ROOM = 4_096;

/** UTF-8 length of a string, without encoding it. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

interface Share {
  annotations: Annotation[];
  data: Record<string, unknown[]>;
  bytes: number;
  items: number;
  records: Record<string, number>;
}

const emptyShare = (): Share => ({ annotations: [], data: {}, bytes: 0, items: 0, records: {} });

/**
 * Everything the user made as backup files: one file when it fits (the usual case), else parts
 * numbered "mlsd:part" { index, of } that share one export date. Items keep their order.
 */
export function backupFiles(annotations: Annotation[], ctx: ExportContext, limits: PartLimits = FILE_LIMITS): string[] {
  const data = ctx.data ?? {};
  const budget = limits.maxBytes - HEADER_ROOM;
  const shares: Share[] = [emptyShare()];
  const room = (bytes: number, fits: (s: Share) => boolean): Share => {
    let last = shares[shares.length - 1]!;
    if (last.bytes + bytes > budget || !fits(last)) shares.push((last = emptyShare()));
    last.bytes += bytes;
    return last;
  };
  for (const a of annotations) {
    const share = room(utf8Length(JSON.stringify(toWebAnnotation(a, ctx.exportedAt))) + 1, (s) => s.items < limits.maxItems);
    share.items++;
    share.annotations.push(a);
  }
  for (const [key, records] of Object.entries(data)) {
    const max = limits.maxRecords(key);
    for (const r of records) {
      const share = room(utf8Length(JSON.stringify(r)) + 1, (s) => (s.records[key] ?? 0) < max);
      share.records[key] = (share.records[key] ?? 0) + 1;
      (share.data[key] ??= []).push(r);
    }
  }
  const of = shares.length;
  if (of === 1) return [toWebAnnotationJson(annotations, ctx)];
  return shares.map((s, i) => {
    const text = toWebAnnotationJson(s.annotations, { ...ctx, data: s.data, part: { index: i + 1, of } });
    if (utf8Length(text) > limits.maxBytes) throw new Error('A backup part came out larger than a file may be.');
    return text;
  });
}
