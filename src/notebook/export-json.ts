import type { Annotation } from '../annotations/types.ts';
import {
  ANNO_CONTEXT,
  APP_NAME,
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  COLOUR_TAG_PREFIX,
  FRAGMENT_CONFORMS_TO,
  isTimestamp,
  NOTE_FORMAT,
  SOURCE_PREFIX,
  toIso,
} from './backup-format.ts';

export interface ExportContext {
  contentVersion: string;
  exportedAt: number;
  appVersion: string;
  /** Every feature's records ("mlsd:data": cards, reviews, attempts…), see backup-data.ts. */
  data?: Record<string, unknown[]>;
  /** This file is part `index` of `of` of one backup too large for one file (backup-parts.ts). */
  part?: { index: number; of: number };
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/**
 * The lossless backup (see backup-format.ts for the shape), as compact JSON. Items keep the
 * order given. Never throws on a bad timestamp: it is written as `exportedAt` instead.
 */
export function toWebAnnotationJson(annotations: Annotation[], ctx: ExportContext): string {
  const items = annotations.map((a) => toWebAnnotation(a, ctx.exportedAt));
  const collection: Json = {
    '@context': ANNO_CONTEXT,
    type: 'AnnotationCollection',
    label: `${APP_NAME} highlights and notes${ctx.part ? ` (part ${ctx.part.index} of ${ctx.part.of})` : ''}`,
    generator: { id: 'mlsd-pocket:app', type: 'Software', name: APP_NAME, 'mlsd:appVersion': ctx.appVersion },
    'mlsd:format': BACKUP_FORMAT,
    'mlsd:formatVersion': BACKUP_FORMAT_VERSION,
    'mlsd:contentVersion': ctx.contentVersion,
    'mlsd:exportedAt': toIso(ctx.exportedAt),
    ...(ctx.part ? { 'mlsd:part': { index: ctx.part.index, of: ctx.part.of } } : {}),
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
    ...(ctx.data && Object.keys(ctx.data).length ? { 'mlsd:data': ctx.data as Json } : {}),
  };
  // Compact (no indentation), so the size cap that follows from the item cap holds a full backup.
  return `${JSON.stringify(collection)}\n`;
}

/** One annotation as a W3C Web Annotation. */
export function toWebAnnotation(a: Annotation, fallbackTime: number): Json {
  const body: Json[] = [];
  if (a.note !== '') body.push({ type: 'TextualBody', purpose: 'commenting', format: NOTE_FORMAT, value: a.note });
  if (a.colour !== null) body.push({ type: 'TextualBody', purpose: 'tagging', value: `${COLOUR_TAG_PREFIX}${a.colour}` });

  const selector: Json[] = [];
  if (a.anchor) {
    const { quote: q, position: p } = a.anchor;
    selector.push({ type: 'TextQuoteSelector', exact: q.exact, prefix: q.prefix, suffix: q.suffix });
    selector.push({ type: 'TextPositionSelector', start: p.start, end: p.end });
  }
  if (a.sectionId !== null) selector.push({ type: 'FragmentSelector', conformsTo: FRAGMENT_CONFORMS_TO, value: a.sectionId });

  const target: Json = { source: `${SOURCE_PREFIX}${a.chapterId}` };
  if (selector.length > 0) target.selector = selector;

  const item: Json = {
    id: `urn:uuid:${a.id}`,
    type: 'Annotation',
    motivation: motivationOf(a),
    created: toIso(isTimestamp(a.createdAt) ? a.createdAt : fallbackTime),
    modified: toIso(isTimestamp(a.updatedAt) ? a.updatedAt : fallbackTime),
  };
  if (body.length > 0) item.body = body;
  item.target = target;
  item['mlsd:status'] = a.status;
  item['mlsd:contentVersion'] = a.contentVersion;
  item['mlsd:chapterHash'] = a.chapterHash;
  return item;
}

/** "commenting" when there is a note, "highlighting" for a bare highlight, else "bookmarking". */
export function motivationOf(a: Annotation): 'commenting' | 'highlighting' | 'bookmarking' {
  if (a.note !== '') return 'commenting';
  return a.anchor ? 'highlighting' : 'bookmarking';
}
