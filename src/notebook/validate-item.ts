import type { Anchor, Annotation, AnnotationStatus, Colour } from '../annotations/types.ts';
import { COLOUR_TAG_PREFIX, NOTE_FORMAT, parseIso, SOURCE_PREFIX } from './backup-format.ts';
import { annotationProblem, shown } from './check-annotation.ts';

export type ItemResult = { ok: true; annotation: Annotation } | { ok: false; problem: string };

/** One backup item (a W3C Web Annotation) → our Annotation, or what is wrong with it in plain words. */
export function readItem(raw: unknown): ItemResult {
  try {
    const annotation = toAnnotation(raw);
    const problem = annotationProblem(annotation);
    return problem ? { ok: false, problem } : { ok: true, annotation };
  } catch (e) {
    if (e instanceof ItemProblem) return { ok: false, problem: e.message };
    throw e;
  }
}

class ItemProblem extends Error {}

function fail(message: string): never {
  throw new ItemProblem(message);
}

function toAnnotation(raw: unknown): Annotation {
  const item = record(raw, 'it');
  if (own(item, 'type') !== 'Annotation') fail(`its type should be "Annotation", but it is ${describe(own(item, 'type'))}`);
  const urn = text(item, 'id', 'its id');
  if (!urn.startsWith('urn:uuid:')) fail(`its id must start with "urn:uuid:", but it is ${shown(urn)}`);
  const motivation = own(item, 'motivation');
  if (motivation !== 'highlighting' && motivation !== 'commenting' && motivation !== 'bookmarking') {
    fail(`its motivation should be "highlighting", "commenting" or "bookmarking", but it is ${describe(motivation)}`);
  }
  const { note, colour } = readBody(own(item, 'body'));
  const { chapterId, anchor, sectionId } = readTarget(own(item, 'target'));
  return {
    id: urn.slice('urn:uuid:'.length),
    chapterId,
    anchor,
    sectionId,
    colour,
    note,
    contentVersion: text(item, 'mlsd:contentVersion', 'its content version ("mlsd:contentVersion")'),
    chapterHash: text(item, 'mlsd:chapterHash', 'its chapter hash ("mlsd:chapterHash")'),
    status: text(item, 'mlsd:status', 'its status ("mlsd:status")') as AnnotationStatus,
    createdAt: date(item, 'created', 'its creation date ("created")'),
    updatedAt: date(item, 'modified', 'its last-changed date ("modified")'),
  };
}

function readBody(raw: unknown): { note: string; colour: Colour | null } {
  let note: string | null = null;
  let colour: string | null = null;
  for (const b of list(raw)) {
    const body = record(b, 'a body (note or colour)');
    if (own(body, 'type') !== 'TextualBody') fail(`a body should have type "TextualBody", but it is ${describe(own(body, 'type'))}`);
    const purpose = own(body, 'purpose');
    if (purpose === 'tagging') {
      const value = text(body, 'value', 'the colour tag');
      if (!value.startsWith(COLOUR_TAG_PREFIX)) fail(`the tag ${shown(value)} is not a colour (it should start with "colour:")`);
      if (colour !== null) fail('it has more than one colour');
      colour = value.slice(COLOUR_TAG_PREFIX.length);
    } else if (purpose === 'commenting' || purpose === undefined) {
      if (own(body, 'format') !== NOTE_FORMAT) fail(`its note should have format "${NOTE_FORMAT}", but it is ${describe(own(body, 'format'))}`);
      if (note !== null) fail('it has more than one note');
      note = text(body, 'value', 'its note');
    } else {
      fail(`a body has purpose ${describe(purpose)}; only "commenting" (a note) and "tagging" (a colour) are known`);
    }
  }
  return { note: note ?? '', colour: colour as Colour | null };
}

const SELECTOR_WORDS = { TextQuoteSelector: 'highlighted text', TextPositionSelector: 'highlight position', FragmentSelector: 'section' };

function readTarget(raw: unknown): { chapterId: string; anchor: Anchor | null; sectionId: string | null } {
  const target = record(raw, 'its target');
  const source = text(target, 'source', 'its target chapter ("source")');
  if (!source.startsWith(SOURCE_PREFIX)) fail(`its target should start with "${SOURCE_PREFIX}", but it is ${shown(source)}`);
  const found = new Map<string, Record<string, unknown>>();
  for (const s of list(own(target, 'selector'))) {
    const selector = record(s, 'a selector');
    const type = own(selector, 'type');
    if (type !== 'TextQuoteSelector' && type !== 'TextPositionSelector' && type !== 'FragmentSelector') {
      fail(`a selector has type ${describe(type)}; only TextQuoteSelector, TextPositionSelector and FragmentSelector are known`);
    }
    if (found.has(type)) fail(`it has more than one ${SELECTOR_WORDS[type]} (${type})`);
    found.set(type, selector);
  }
  const quote = found.get('TextQuoteSelector');
  const position = found.get('TextPositionSelector');
  if (!quote !== !position) fail(quote ? 'the highlight has its text but no position' : 'the highlight has a position but no text');
  const fragment = found.get('FragmentSelector');
  return {
    chapterId: source.slice(SOURCE_PREFIX.length),
    anchor:
      quote && position
        ? {
            quote: {
              type: 'TextQuoteSelector',
              exact: text(quote, 'exact', 'the highlighted text'),
              prefix: optionalText(quote, 'prefix', 'the text before the highlight'),
              suffix: optionalText(quote, 'suffix', 'the text after the highlight'),
            },
            position: {
              type: 'TextPositionSelector',
              start: num(position, 'start', "the highlight's start position"),
              end: num(position, 'end', "the highlight's end position"),
            },
          }
        : null,
    sectionId: fragment ? text(fragment, 'value', 'the section id') : null,
  };
}

function own(obj: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

function record(v: unknown, what: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(`${what} should be an object, but it is ${describe(v)}`);
  return v as Record<string, unknown>;
}

function list(v: unknown): unknown[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

function text(obj: Record<string, unknown>, key: string, what: string): string {
  const v = own(obj, key);
  if (typeof v !== 'string') fail(`${what} should be text, but it is ${describe(v)}`);
  return v;
}

function optionalText(obj: Record<string, unknown>, key: string, what: string): string {
  return own(obj, key) === undefined ? '' : text(obj, key, what);
}

function num(obj: Record<string, unknown>, key: string, what: string): number {
  const v = own(obj, key);
  if (typeof v !== 'number') fail(`${what} should be a number, but it is ${describe(v)}`);
  return v;
}

function date(obj: Record<string, unknown>, key: string, what: string): number {
  const v = text(obj, key, what);
  const ms = parseIso(v);
  if (ms === null) fail(`${what} ${shown(v)} is not a valid date and time like 2025-01-31T12:00:00.000Z`);
  return ms;
}

/** What a JSON value is, in words. */
export function describe(v: unknown): string {
  if (v === undefined) return 'missing';
  if (v === null) return 'empty (null)';
  if (typeof v === 'string') return `the text ${shown(v)}`;
  if (typeof v === 'number') return `the number ${v}`;
  if (typeof v === 'boolean') return String(v);
  return Array.isArray(v) ? 'a list' : 'an object';
}
