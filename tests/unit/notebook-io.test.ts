import { readFileSync } from 'node:fs';
import { marked, type Token, type Tokens } from 'marked';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Annotation } from '../../src/annotations/types.ts';
import { annotationProblem } from '../../src/notebook/check-annotation.ts';
import { csvCell, toCsv } from '../../src/notebook/export-csv.ts';
import { toWebAnnotationJson } from '../../src/notebook/export-json.ts';
import { toMarkdown } from '../../src/notebook/export-markdown.ts';
import { chapterIndex } from '../../src/notebook/chapter-index.ts';
import { treeText } from '../../src/shared/tree-text.ts';
import type { TreeNode } from '../../src/shared/content-types.ts';
import { LIMITS } from '../../src/notebook/backup-format.ts';
import { parseBackup, type ParseOptions } from '../../src/notebook/import-json.ts';
import { mergeAnnotations } from '../../src/notebook/merge.ts';
import { CONTEXT, MANIFEST, SAMPLE } from '../fixtures/backups/sample.ts';
import DOMPURIFY_FIXTURES from '../fixtures/xss/dompurify-fixtures.mjs';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/backups/${name}`, import.meta.url), 'utf8');
const byId = (id: string): Annotation => SAMPLE.find((a) => a.id === id) ?? expect.unreachable(`no sample ${id}`);
const parsedOk = (text: string, opts: ParseOptions = {}) => {
  const r = parseBackup(text, opts);
  if (!r.ok) throw new Error(`expected ok, got: ${r.message}`);
  return r;
};
const messageOf = (text: string, opts: ParseOptions = {}): string => {
  const r = parseBackup(text, opts);
  if (r.ok) throw new Error('expected the backup to be refused');
  return r.message;
};
/** Raw backup JSON, edited freely by the tests below. */
type Json = Record<string, any>;
const goodJson = (): Json => JSON.parse(fixture('good.json')) as Json;
const withItems = (items: Json[]): string => {
  const c = goodJson();
  c.first.items = items;
  c.total = items.length;
  return JSON.stringify(c);
};

afterEach(() => vi.restoreAllMocks());

describe('JSON backup: the W3C Web Annotation shape', () => {
  const json = JSON.parse(toWebAnnotationJson(SAMPLE, CONTEXT)) as Json;
  const items = json.first.items as Json[];
  const item = (id: string): Json => items.find((i) => i.id === `urn:uuid:${id}`) ?? expect.unreachable(id);

  it('is an AnnotationCollection with our marker, versions, date and one embedded page', () => {
    expect(json).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationCollection',
      generator: { type: 'Software', name: 'MLSD Pocket', 'mlsd:appVersion': '0.1.0' },
      'mlsd:format': 'mlsd-pocket-backup',
      'mlsd:formatVersion': 1,
      'mlsd:contentVersion': 'v-2025-01',
      'mlsd:exportedAt': '2025-02-01T12:00:00.000Z',
      total: SAMPLE.length,
      first: { type: 'AnnotationPage', startIndex: 0 },
    });
    expect(json).not.toHaveProperty('items');
    expect(items.map((i) => i.id)).toEqual(SAMPLE.map((a) => `urn:uuid:${a.id}`));
    // Compact JSON (one line), so the size cap that follows from the item cap holds a full backup.
    expect(toWebAnnotationJson(SAMPLE, CONTEXT)).toMatch(/^\{"@context":"http:\/\/www\.w3\.org\/ns\/anno\.jsonld","type":"AnnotationCollection",[^\n]*\}\n$/);
  });

  it('writes a highlight with a note as commenting, with note and colour bodies and both selectors', () => {
    expect(item('0b6f3c1e-7a51-4a8e-9d3b-2f1c5e8a9b01')).toEqual({
      id: 'urn:uuid:0b6f3c1e-7a51-4a8e-9d3b-2f1c5e8a9b01',
      type: 'Annotation',
      motivation: 'commenting',
      created: '2025-01-15T09:31:00.000Z',
      modified: '2025-01-15T09:36:00.000Z',
      body: [
        { type: 'TextualBody', purpose: 'commenting', format: 'text/markdown', value: '**Why** two stages?\n\n- recall first\n- then precision' },
        { type: 'TextualBody', purpose: 'tagging', value: 'colour:yellow' },
      ],
      target: {
        source: 'mlsd-pocket:chapter/video-recommendation',
        selector: [
          { type: 'TextQuoteSelector', exact: 'two-tower retrieval, then ranking', prefix: 'before ', suffix: ' after' },
          { type: 'TextPositionSelector', start: 120, end: 153 },
        ],
      },
      'mlsd:status': 'anchored',
      'mlsd:contentVersion': 'v-2025-01',
      'mlsd:chapterHash': 'h-video-recommendation',
    });
  });

  it('marks a bare highlight as highlighting, with only the colour body', () => {
    const h = item('1c7a4d2f-8b62-4b9f-8e4c-3a2d6f9b0c12');
    expect(h.motivation).toBe('highlighting');
    expect(h.body).toEqual([{ type: 'TextualBody', purpose: 'tagging', value: 'colour:green' }]);
  });

  it('targets the chapter for a chapter note and adds a FragmentSelector for a section note', () => {
    const chapterNote = item('2d8b5e3a-9c73-4ca0-9f5d-4b3e7a0c1d23');
    expect(chapterNote.motivation).toBe('commenting');
    expect(chapterNote.target).toEqual({ source: 'mlsd-pocket:chapter/framework-steps' });
    const sectionNote = item('3e9c6f4b-ad84-4db1-a06e-5c4f8b1d2e34');
    expect(sectionNote.target.selector).toEqual([{ type: 'FragmentSelector', conformsTo: 'http://tools.ietf.org/rfc/rfc3986', value: 'clarify-requirements' }]);
    const bookmark = item('72d0a38f-e1c8-41f5-a4ac-908dcf5b6c78');
    expect(bookmark.motivation).toBe('bookmarking');
    expect(bookmark).not.toHaveProperty('body');
  });
});

describe('JSON backup: round trip', () => {
  it('exports exactly the committed baseline, and the baseline parses back to the same annotations', () => {
    // The committed baseline is indented for reading; the export is the same JSON, compact.
    expect(toWebAnnotationJson(SAMPLE, CONTEXT)).toBe(`${JSON.stringify(JSON.parse(fixture('good.json')))}\n`);
    const r = parsedOk(fixture('good.json'));
    expect(r.annotations).toEqual(SAMPLE);
    expect(r).toMatchObject({ contentVersion: 'v-2025-01', exportedAt: CONTEXT.exportedAt, skipped: 0, unknownChapterIds: [] });
  });

  it('keeps items of chapters the guide no longer has, and reports them', () => {
    const r = parsedOk(fixture('good.json'), { knownChapterIds: new Set(MANIFEST.chapters.map((c) => c.id)) });
    expect(r.annotations).toEqual(SAMPLE);
    expect(r.unknownChapterIds).toEqual(['old-chapter']);
  });

  it('keeps every XSS payload as plain text in notes, quotes and section ids', () => {
    const payloads = DOMPURIFY_FIXTURES;
    expect(payloads.length).toBeGreaterThan(200);
    const hostile = payloads.map(({ payload }, i): Annotation => {
      const base = byId('0b6f3c1e-7a51-4a8e-9d3b-2f1c5e8a9b01');
      const exact = payload.slice(0, 10_000);
      return {
        ...base,
        id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        note: payload,
        anchor: { quote: { type: 'TextQuoteSelector', exact, prefix: payload.slice(0, 32), suffix: payload.slice(-32) }, position: { type: 'TextPositionSelector', start: i, end: i + exact.length } },
      };
    });
    const r = parsedOk(toWebAnnotationJson(hostile, CONTEXT));
    expect(r.annotations).toEqual(hostile);
    expect(r.annotations.map((a) => a.note)).toEqual(payloads.map((p) => p.payload));
  });

  it('accepts an empty collection (nothing to import) and a leading byte-order mark', () => {
    expect(parsedOk(fixture('empty-collection.json'))).toMatchObject({ annotations: [], skipped: 0 });
    expect(parsedOk(`\uFEFF${fixture('good.json')}`).annotations).toEqual(SAMPLE);
  });

  it('keeps the later modified of a duplicated id and counts the others as skipped', () => {
    const r = parsedOk(fixture('duplicated-ids.json'));
    expect(r.skipped).toBe(2);
    expect(r.annotations.map((a) => a.id)).toEqual(['0b6f3c1e-7a51-4a8e-9d3b-2f1c5e8a9b01', '1c7a4d2f-8b62-4b9f-8e4c-3a2d6f9b0c12']);
    expect(r.annotations[0]).toMatchObject({ note: 'The newer note.', updatedAt: Date.UTC(2025, 0, 20, 10) });
  });

  it('writes a broken timestamp as the export date instead of failing the whole backup', () => {
    const broken = { ...byId('1c7a4d2f-8b62-4b9f-8e4c-3a2d6f9b0c12'), createdAt: Number.NaN };
    expect(annotationProblem(broken)).toMatch(/creation date/);
    expect(parsedOk(toWebAnnotationJson([broken], CONTEXT)).annotations[0]?.createdAt).toBe(CONTEXT.exportedAt);
  });
});

describe('JSON backup: files that are refused, each with its own message', () => {
  it.each([
    ['truncated.json', /^This file is cut off or is not JSON: it stops making sense /],
    ['not-ours.json', /^This is not an MLSD Pocket backup: the file holds JSON, but not highlights and notes\.$/],
    ['other-app-annotations.json', /^This is not an MLSD Pocket backup: it holds web annotations, but they were not saved by MLSD Pocket\.$/],
    ['wrong-types.json', /^Item 2 of 2: the highlight's start position should be a number, but it is the text "0"\.$/],
    ['negative-offsets.json', /^Item 1 of 2: the highlight's start position must be a whole number, 0 or more, but it is -5\.$/],
    ['unknown-colour.json', /^Item 3 of 3: the colour "red" is not one of yellow, green, blue, pink, purple\.$/],
  ])('%s', (name, message) => {
    expect(messageOf(fixture(name))).toMatch(message);
  });

  it('refuses an empty file, a JSON list, a number and null', () => {
    expect(messageOf('  \n')).toBe('This file is empty.');
    for (const text of ['[]', '42', 'null']) expect(messageOf(text)).toMatch(/^This is not an MLSD Pocket backup/);
  });

  it('refuses a file over the size limit before parsing it', () => {
    const parse = vi.spyOn(JSON, 'parse');
    const huge = `{"first":{"items":[${'"x",'.repeat(5 * 1024 * 1024)}"x"]}}`;
    expect(huge.length).toBeGreaterThan(20 * 1024 * 1024);
    expect(messageOf(`${huge}${'x'.repeat(LIMITS.maxBytes)}`)).toMatch(/^This file is too large \(\d+\.\d MB\)\. A backup can be at most 102\.4 MB\.$/);
    // Both round to 21.0 MB, so the message gives exact sizes rather than hide the difference.
    expect(messageOf(huge, { maxBytes: 20 * 1024 * 1024 })).toBe(`This file is too large (${huge.length.toLocaleString('en-US')} bytes). A backup can be at most 20,971,520 bytes.`);
    expect(messageOf(fixture('good.json'), { maxBytes: 1024 })).toMatch(/^This file is too large \(\d+\.\d KB\)\. A backup can be at most 1\.0 KB\.$/);
    expect(parse).not.toHaveBeenCalled();
  });

  it('refuses more than 50,000 items', () => {
    expect(messageOf(withItems(Array.from({ length: 50_001 }, () => ({}))))).toBe(
      'This backup has 50,001 highlights and notes; the most one backup can hold is 50,000.',
    );
  });

  it('refuses a newer format, a wrong total, a missing item list and a bad export date', () => {
    const edit = (f: (c: Json) => void): string => {
      const c = goodJson();
      f(c);
      return JSON.stringify(c);
    };
    expect(messageOf(edit((c) => (c['mlsd:formatVersion'] = 2)))).toMatch(/newer version of MLSD Pocket \(format 2\)/);
    expect(messageOf(edit((c) => (c.total = 9)))).toBe('This backup says it holds 9 items but has 8: it may have been cut short or edited.');
    expect(messageOf(edit((c) => delete c.first))).toBe('This backup has no list of highlights and notes ("first.items" is missing).');
    expect(messageOf(edit((c) => (c['mlsd:exportedAt'] = 'yesterday')))).toMatch(/export date .* is not a valid date/);
    expect(messageOf(edit((c) => delete c['mlsd:format']))).toMatch(/^This is not an MLSD Pocket backup/);
  });

  const one = (): Json => goodJson().first.items[0] as Json;
  const quoteOf = (i: Json): Json => i.target.selector[0] as Json;
  const positionOf = (i: Json): Json => i.target.selector[1] as Json;
  it.each<[string, (i: Json) => unknown, RegExp]>([
    ['type', (i) => (i.type = 'Note'), /its type should be "Annotation", but it is the text "Note"\.$/],
    ['id without urn', (i) => (i.id = '0b6f3c1e-7a51-4a8e-9d3b-2f1c5e8a9b01'), /its id must start with "urn:uuid:"/],
    ['id not a UUID', (i) => (i.id = 'urn:uuid:1234'), /its id must be a lowercase UUID, but it is "1234"/],
    ['motivation', (i) => (i.motivation = 'liking'), /its motivation should be/],
    ['impossible date', (i) => (i.created = '2025-02-30T10:00:00.000Z'), /its creation date \("created"\) "2025-02-30T10:00:00.000Z" is not a valid date/],
    ['missing date', (i) => delete i.modified, /its last-changed date \("modified"\) should be text, but it is missing/],
    ['end before start', (i) => (positionOf(i).end = 120), /the highlight's end position \(120\) must be a whole number after its start \(120\)/],
    ['fractional start', (i) => (positionOf(i).start = 1.5), /the highlight's start position must be a whole number, 0 or more, but it is 1\.5\.$/],
    ['empty quote', (i) => (quoteOf(i).exact = ''), /the highlighted text is empty/],
    ['quote length', (i) => (quoteOf(i).exact = 'short'), /the highlighted text is 5 characters long, but its position \(120 to 153\) covers 33/],
    ['quote too long', (i) => ((quoteOf(i).exact = 'q'.repeat(10_001)), (positionOf(i).end = 120 + 10_001)), /the highlighted text is 10,001 characters long; the limit is 10,000/],
    ['note too long', (i) => (i.body[0].value = 'n'.repeat(100_001)), /the note is 100,001 characters long; the limit is 100,000/],
    ['note not text', (i) => (i.body[0].value = 7), /its note should be text, but it is the number 7/],
    ['two colours', (i) => i.body.push({ type: 'TextualBody', purpose: 'tagging', value: 'colour:blue' }), /it has more than one colour/],
    ['unknown body', (i) => i.body.push({ type: 'TextualBody', purpose: 'replying', value: 'x' }), /a body has purpose the text "replying"; only/],
    ['chapter id', (i) => (i.target.source = 'mlsd-pocket:chapter/Video_Rec'), /the chapter id "Video_Rec" is not a valid chapter id/],
    ['foreign source', (i) => (i.target.source = 'https://example.org/x'), /its target should start with "mlsd-pocket:chapter\/"/],
    ['quote without position', (i) => i.target.selector.pop(), /the highlight has its text but no position\.$/],
    ['second position', (i) => i.target.selector.push({ type: 'TextPositionSelector', start: 1, end: 2 }), /it has more than one highlight position \(TextPositionSelector\)\.$/],
    ['unknown selector', (i) => i.target.selector.push({ type: 'XPathSelector', value: '/p' }), /a selector has type the text "XPathSelector"/],
    ['status', (i) => (i['mlsd:status'] = 'lost'), /the status "lost" is not "anchored" or "orphaned"/],
    ['missing chapter hash', (i) => delete i['mlsd:chapterHash'], /its chapter hash \("mlsd:chapterHash"\) should be text, but it is missing/],
  ])('refuses an item with a bad %s', (_, mutate, message) => {
    const item = one();
    mutate(item);
    expect(messageOf(withItems([item]))).toMatch(new RegExp(`^Item 1 of 1: ${message.source}`));
  });

  it('refuses an item that is not an object', () => {
    expect(messageOf(withItems([one(), 'hello' as unknown as Json]))).toBe('Item 2 of 2: it should be an object, but it is the text "hello".');
  });

  it('names the first bad item and counts the others', () => {
    const items = [one(), { ...one(), id: 'x' }, one(), { ...one(), motivation: 1 }, { ...one(), type: 2 }];
    expect(messageOf(withItems(items))).toMatch(/^Item 2 of 5: .*\. 2 more items have problems too\.$/);
  });
});

describe('merge', () => {
  const a = byId('0b6f3c1e-7a51-4a8e-9d3b-2f1c5e8a9b01');
  const b = byId('1c7a4d2f-8b62-4b9f-8e4c-3a2d6f9b0c12');
  const c = byId('2d8b5e3a-9c73-4ca0-9f5d-4b3e7a0c1d23');

  it('adds new ids, updates older ones, and leaves newer or equal ones alone', () => {
    const newerA = { ...a, note: 'edited on the phone', updatedAt: a.updatedAt + 1 };
    const olderB = { ...b, note: 'stale', updatedAt: b.updatedAt - 1 };
    const tieC = { ...c, note: 'same time, other text' };
    const d = byId('3e9c6f4b-ad84-4db1-a06e-5c4f8b1d2e34');
    expect(mergeAnnotations([a, b, c], [newerA, olderB, tieC, d])).toEqual({ toPut: [newerA, d], added: 1, updated: 1, unchanged: 2, notesMerged: 0 });
  });

  it('is idempotent: merging the same backup twice writes nothing the second time', () => {
    const first = mergeAnnotations([], SAMPLE);
    expect(first).toMatchObject({ added: SAMPLE.length, updated: 0, unchanged: 0 });
    expect(mergeAnnotations(first.toPut, SAMPLE)).toEqual({ toPut: [], added: 0, updated: 0, unchanged: SAMPLE.length, notesMerged: 0 });
  });

  it('merges a note edited on both devices since the last exchange, keeping every word', () => {
    const since = a.updatedAt + 5;
    const here = { ...a, note: 'Phone: shard by user id.', updatedAt: since + 10 };
    const there = { ...a, note: 'Tablet: watch the hot keys.', colour: 'green' as const, updatedAt: since + 20 };
    const r = mergeAnnotations([here], [there], since);
    expect(r).toMatchObject({ added: 0, updated: 0, unchanged: 0, notesMerged: 1 });
    expect(r.toPut[0]!.note).toContain('shard by user id');
    expect(r.toPut[0]!.note).toContain('watch the hot keys');
    expect(r.toPut[0]!.colour).toBe('green');
    // Edited only on the other device since then: the newer edit simply wins.
    expect(mergeAnnotations([{ ...a, updatedAt: since - 1 }], [there], since).toPut[0]).toEqual(there);
  });

  it('never duplicates an id repeated in the incoming list', () => {
    const later = { ...a, note: 'later', updatedAt: a.updatedAt + 10 };
    expect(mergeAnnotations([], [a, later, a])).toEqual({ toPut: [later], added: 1, updated: 0, unchanged: 0, notesMerged: 0 });
  });
});

/** Top-level Markdown tokens as a CommonMark renderer sees them. */
const headings = (md: string): string[] =>
  marked.lexer(md).flatMap((t: Token) => (t.type === 'heading' ? [`${'#'.repeat((t as Tokens.Heading).depth)} ${(t as Tokens.Heading).text}`] : []));

describe('Markdown export', () => {
  const md = toMarkdown(SAMPLE, MANIFEST, CONTEXT);

  it('matches the committed baseline and does not depend on input order', () => {
    expect(md).toBe(fixture('good.md'));
    expect(toMarkdown([...SAMPLE].reverse(), MANIFEST, CONTEXT)).toBe(md);
    // Reading order is the guide's (part, then order), whatever order the manifest lists chapters in.
    expect(toMarkdown(SAMPLE, { ...MANIFEST, chapters: [...MANIFEST.chapters].reverse() }, CONTEXT)).toBe(md);
  });

  it('has chapters in reading order, then "Needs a new place" with orphaned and unknown-chapter items', () => {
    expect(headings(md)).toEqual([
      '# MLSD Pocket: highlights and notes',
      '## Start here',
      '### Why this guide',
      '### Other passages',
      '## The framework, step by step',
      '### Clarify requirements',
      '## Video recommendation',
      '## Needs a new place',
      '### Feature stores',
      '### old-chapter (no longer in the guide)',
    ]);
    const lost = md.slice(md.indexOf('## Needs a new place'));
    expect(lost).toContain('> point-in-time correct joins');
    expect(lost).toContain('Lost after the rewrite.');
    expect(lost).toContain('> a chapter that was removed');
  });

  it('puts the colour and the note below the quote, and section notes under their title', () => {
    expect(md).toContain('- > two-tower retrieval, then ranking\n\n  Colour: yellow\n\n  **Why** two stages?\n\n  - recall first\n  - then precision\n');
    expect(md).toContain('- **Note on “Clarify requirements”**\n\n  Colour: pink\n\n  Ask about scale *first*.\n');
    expect(md).toContain('- **Note on the whole chapter**\n\n  The whole chapter in one line');
    expect(md).toContain('Exported 2025-02-01 12:00 UTC.');
  });

  it('escapes quotes so they cannot make headings, lists, breaks or HTML', () => {
    expect(md).toContain('- > \\# Not a heading\n  > \\> not a quote\n  > 1\\. not a list\n  > \\---\n  > \\<b>bold?\\</b>');
    const html = marked.parse(md, { async: false });
    expect(html).not.toContain('<b>bold?</b>');
    expect(html).not.toMatch(/<h\d>Not a heading/);
    expect(html).not.toContain('<hr');
  });

  it('keeps an unclosed code fence or HTML comment in a note inside its own item', () => {
    const notes = ['```js\nunclosed fence', '<!-- unclosed comment', '<script>alert(1)'];
    for (const note of notes) {
      const broken = [{ ...byId('1c7a4d2f-8b62-4b9f-8e4c-3a2d6f9b0c12'), note }, byId('0b6f3c1e-7a51-4a8e-9d3b-2f1c5e8a9b01')];
      expect(headings(toMarkdown(broken, MANIFEST, CONTEXT))).toContain('## Video recommendation');
    }
  });

  it('sends a note on a section the chapter no longer has to "Needs a new place"', () => {
    const gone = { ...byId('3e9c6f4b-ad84-4db1-a06e-5c4f8b1d2e34'), sectionId: 'old_section' };
    const out = toMarkdown([gone], MANIFEST, CONTEXT);
    expect(headings(out)).toEqual(['# MLSD Pocket: highlights and notes', '## Needs a new place', '### The framework, step by step']);
    expect(out).toContain('- **Note on a section no longer in the guide (old\\_section)**\n\n  Colour: pink\n\n  Ask about scale *first*.\n');
  });

  it('says so when there is nothing yet', () => {
    expect(toMarkdown([], MANIFEST, CONTEXT)).toBe('# MLSD Pocket: highlights and notes\n\nExported 2025-02-01 12:00 UTC.\n\nNo highlights or notes yet.\n');
  });
});

/** A strict RFC 4180 reader, to check that what we write reads back field for field. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  const re = /("(?:[^"]|"")*"|[^,"\r\n]*)(,|\r\n)/gy;
  let row: string[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const cell = m[1] ?? '';
    row.push(cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell);
    if (m[2] === '\r\n') {
      rows.push(row);
      row = [];
    }
    if (re.lastIndex === text.length) break;
  }
  expect(re.lastIndex, 'the whole file is valid CSV').toBe(text.length);
  return rows;
}

describe('CSV export', () => {
  const csv = toCsv(SAMPLE, MANIFEST);

  it('matches the committed baseline: a header, then one row per annotation in reading order', () => {
    expect(csv).toBe(fixture('good.csv'));
    const rows = readCsv(csv);
    expect(rows[0]).toEqual(['id', 'chapter', 'chapter_title', 'section', 'colour', 'quote', 'note', 'status', 'created', 'modified']);
    expect(rows.slice(1).map((r) => r[1])).toEqual(['start-here', 'start-here', 'framework-steps', 'framework-steps', 'feature-stores', 'video-recommendation', 'video-recommendation', 'old-chapter']);
    expect(rows.every((r) => r.length === 10)).toBe(true);
    expect(rows.find((r) => r[0] === '3e9c6f4b-ad84-4db1-a06e-5c4f8b1d2e34')?.[3]).toBe('Clarify requirements');
  });

  it('quotes commas, quotes and line breaks so they read back unchanged', () => {
    const note = 'He said "hi", then\r\nleft,\nfor good';
    const rows = readCsv(toCsv([{ ...byId('1c7a4d2f-8b62-4b9f-8e4c-3a2d6f9b0c12'), note }], MANIFEST));
    expect(rows[1]?.[6]).toBe(note);
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "x"')).toBe('"say ""x"""');
    expect(csvCell('plain')).toBe('plain');
  });

  it('defuses cells that a spreadsheet would run as a formula', () => {
    for (const lead of ['=', '+', '-', '@', '\t', '\r']) {
      const cell = readCsv(`${csvCell(`${lead}1+1`)}\r\n`)[0]?.[0];
      expect(cell).toBe(`'${lead}1+1`);
    }
    expect(readCsv(csv)[6]?.[6]).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(csvCell('1+1=2')).toBe('1+1=2');
  });
});

describe('exports with the chapter text at hand (sections, block breaks, links back)', () => {
  const chapterId = 'video-recommendation';
  const body: TreeNode[] = [
    ['h1', null, 'Video recommendation'],
    ['h2', { id: 'retrieval' }, 'Retrieval'],
    ['p', null, 'Recall comes first, then we come back.'],
    ['p', null, 'If introductions run long, cut them.'],
    ['h2', { id: 'ranking' }, 'Ranking'],
    ['p', null, 'Rank with care.'],
  ];
  const text = treeText(body);
  const indexes = new Map([[chapterId, chapterIndex(body)]]);
  const at = (quote: string, id: string, created: number): Annotation => {
    const start = text.indexOf(quote);
    return {
      ...byId('0b6f3c1e-7a51-4a8e-9d3b-2f1c5e8a9b01'), id, note: '', createdAt: created, updatedAt: created,
      anchor: { quote: { type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start, end: start + quote.length } },
    };
  };
  const list = [at('come back.If introductions', '0b6f3c1e-7a51-4a8e-9d3b-2f1c5e8a9b02', 1), at('Rank with care.', '0b6f3c1e-7a51-4a8e-9d3b-2f1c5e8a9b03', 2)];
  const manifest = { ...MANIFEST, chapters: MANIFEST.chapters.map((c) => (c.id === chapterId ? { ...c, outline: [{ id: 'retrieval', title: 'Retrieval', level: 2 as const }, { id: 'ranking', title: 'Ranking', level: 2 as const }] } : c)) };

  it('Markdown: section headings, the break between paragraphs kept, a deep link to each passage', () => {
    const md = toMarkdown(list, manifest, { exportedAt: CONTEXT.exportedAt, origin: 'https://pocket.example/', indexes });
    expect(headings(md)).toEqual(['# MLSD Pocket: highlights and notes', '## Video recommendation', '### Retrieval', '### Ranking']);
    expect(md).toContain('- > come back.\n  > If introductions');
    expect(md).toContain('[Open in MLSD Pocket](https://pocket.example/read/video-recommendation#hl-0b6f3c1e-7a51-4a8e-9d3b-2f1c5e8a9b02)');
  });

  it('CSV: a section column and the quote with its break', () => {
    const rows = readCsv(toCsv(list, manifest, indexes));
    expect(rows.slice(1).map((r) => [r[3], r[5]])).toEqual([
      ['Retrieval', 'come back.\nIf introductions'],
      ['Ranking', 'Rank with care.'],
    ]);
  });
});
