import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../src/annotations/types.ts';
import { codecFor } from '../../src/sync/codecs.ts';
import { docId, parseDocId, sameValue, toDoc } from '../../src/sync/doc-mapping.ts';
import { resolveRecords, type MergeText } from '../../src/sync/merge-rules.ts';
import { ago, statusText } from '../../src/sync/status-text.ts';
import { checkConfig, perUserDbName } from '../../src/sync/sync-config.ts';
import { readDoc } from '../../src/sync/validate-doc.ts';

const NOW = Date.UTC(2026, 11, 7, 9, 0, 0);

const highlight = (over: Partial<Annotation> = {}): Annotation => ({
  id: '0b6f2c7e-3a51-4a8e-9a0e-2f4f3c1d5e6a',
  chapterId: 'embeddings-and-vector-search',
  anchor: {
    quote: { type: 'TextQuoteSelector', exact: 'two-tower model', prefix: 'A ', suffix: ' learns' },
    position: { type: 'TextPositionSelector', start: 100, end: 115 },
  },
  sectionId: null,
  colour: 'yellow',
  note: 'first line',
  contentVersion: 'v1',
  chapterHash: 'abc',
  status: 'anchored',
  createdAt: NOW - 10_000,
  updatedAt: NOW - 5_000,
  ...over,
});

/** A merge that keeps both sides' lines (enough to show the rules call it with the base). */
const keepBoth: MergeText = (base, a, b) => [...new Set([...a.split('\n'), ...b.split('\n')])].filter((l) => l !== '' || base === '').join('\n');

describe('document mapping', () => {
  it('names a record by its store and stable key, and refuses ids that are not ours', () => {
    expect(docId('annotations', 'x1')).toBe('annotations:x1');
    expect(parseDocId('reviews:abc')).toEqual({ store: 'reviews', key: 'abc' });
    expect(parseDocId('_design/evil')).toBeNull();
    expect(parseDocId('settings:x')).toBeNull();
    expect(parseDocId('cards:')).toBeNull();
  });

  it('takes the change time from the record itself', () => {
    expect(toDoc('reviews', 'r', { id: 'r', reviewedAt: 42 }, 'dev', NOW).updatedAt).toBe(42);
    expect(toDoc('progress', 'c', { chapterId: 'c' }, 'dev', NOW).updatedAt).toBe(NOW);
  });

  it('compares values whatever their key order', () => {
    expect(sameValue({ a: 1, b: { c: 2, d: [1, 2] } }, { b: { d: [1, 2], c: 2 }, a: 1 })).toBe(true);
    expect(sameValue({ a: 1 }, { a: 2 })).toBe(false);
  });
});

describe('server documents are untrusted input', () => {
  const doc = (value: unknown, over: Record<string, unknown> = {}) => ({ _id: 'annotations:0b6f2c7e-3a51-4a8e-9a0e-2f4f3c1d5e6a', _rev: '1-a', kind: 'mlsd-record', v: 1, store: 'annotations', key: '0b6f2c7e-3a51-4a8e-9a0e-2f4f3c1d5e6a', value, updatedAt: 1, device: 'd', ...over });

  it('reads back a highlight written as a W3C annotation, exactly', () => {
    const a = highlight();
    const r = readDoc(doc(codecFor('annotations')!.toJson(a)), NOW, codecFor);
    expect(r).toMatchObject({ ok: true, store: 'annotations', deleted: false });
    expect(r.ok && r.record).toEqual(a);
  });

  it('skips, with a reason, documents that are hostile or broken', () => {
    const good = codecFor('annotations')!.toJson(highlight()) as Record<string, unknown>;
    const cases: [unknown, RegExp][] = [
      [null, /not a document/],
      [{ _id: '_design/x' }, /kind of record/],
      [doc(good, { kind: 'other' }), /not written by MLSD Pocket/],
      [doc(good, { key: 'someone-else' }), /disagree/],
      [doc({ ...good, type: 'Evil' }), /type/],
      [doc('x'.repeat(500_000)), /too large/],
      [{ ...doc(good), _id: 'cards:1', store: 'cards', key: '1' }, /card/],
      [{ ...doc({ id: 'r1', cardId: 'c', grade: 7, reviewedAt: NOW }), _id: 'reviews:r1', store: 'reviews', key: 'r1' }, /grade is 7/],
    ];
    for (const [raw, problem] of cases) {
      const r = readDoc(raw, NOW, codecFor);
      expect(r.ok, JSON.stringify(raw).slice(0, 80)).toBe(false);
      if (!r.ok) expect(r.problem).toMatch(problem);
    }
  });

  it('passes deletions through as deletions', () => {
    expect(readDoc({ _id: 'annotations:x', _deleted: true }, NOW, codecFor)).toEqual({ ok: true, store: 'annotations', key: 'x', record: null, deleted: true });
  });
});

describe('conflict rules', () => {
  it('merges note text from the common base instead of letting the last revision win', () => {
    const base = highlight({ note: 'first line' });
    const phone = highlight({ note: 'first line\nfrom the phone', updatedAt: NOW - 1000 });
    const tablet = highlight({ note: 'first line\nfrom the tablet', updatedAt: NOW - 2000, colour: 'green' });
    const merged = resolveRecords('annotations', [tablet, phone] as never, base as never, keepBoth);
    expect(merged.note).toContain('from the phone');
    expect(merged.note).toContain('from the tablet');
    expect(merged.colour).toBe('yellow'); // the newer edit's colour
  });

  it('is the same on every device, whatever order the revisions come in', () => {
    const a = { id: 'c', question: 'A?', updatedAt: 5 };
    const b = { id: 'c', question: 'B?', updatedAt: 5 };
    expect(resolveRecords('cards', [a, b], null, keepBoth)).toEqual(resolveRecords('cards', [b, a], null, keepBoth));
  });

  it('keeps an undo of a grade, and the furthest reading position', () => {
    expect(resolveRecords('reviews', [{ id: 'r', grade: 3, reviewedAt: 1 }, { id: 'r', grade: 3, reviewedAt: 1, undone: true }], null, keepBoth).undone).toBe(true);
    const p = resolveRecords('progress', [{ chapterId: 'c', fraction: 0.2, maxFraction: 0.9, updatedAt: 2 }, { chapterId: 'c', fraction: 0.5, maxFraction: 0.5, updatedAt: 3 }], null, keepBoth);
    expect(p).toMatchObject({ fraction: 0.5, maxFraction: 0.9 });
  });
});

describe('settings and status', () => {
  it('requires https except on this device, and finds the per-user database', () => {
    expect(checkConfig({ server: 'http://couch.example.org', username: 'a' })).toMatchObject({ ok: false, problem: /https/ });
    expect(checkConfig({ server: 'not a url', username: 'a' })).toMatchObject({ ok: false });
    expect(checkConfig({ server: 'https://u:p@couch.example.org', username: 'a' })).toMatchObject({ ok: false, problem: /own fields/ });
    expect(checkConfig({ server: 'https://couch.example.org/', username: '' })).toMatchObject({ ok: false, problem: /username/ });
    expect(checkConfig({ server: 'https://couch.example.org/', username: 'ana' })).toEqual({ ok: true, dbUrl: `https://couch.example.org/${perUserDbName('ana')}` });
    expect(checkConfig({ server: 'http://127.0.0.1:5984/mine/', username: 'ana' })).toEqual({ ok: true, dbUrl: 'http://127.0.0.1:5984/mine' });
    expect(perUserDbName('ana')).toBe('userdb-616e61');
  });

  it('says where sync stands in plain words', () => {
    expect(statusText({ kind: 'synced', at: NOW - 120_000 }, NOW)).toBe('Synced 2 minutes ago');
    expect(statusText({ kind: 'offline', lastSyncedAt: null }, NOW)).toBe('Offline — will sync when back online');
    expect(statusText({ kind: 'denied' }, NOW)).toMatch(/^The server refused the password/);
    expect(ago(NOW - 40 * 60_000, NOW)).toBe('40 minutes ago');
  });
});

describe('reading positions travel strictly', () => {
  it('round-trips a position and refuses a bad one', async () => {
    const { positionsSection } = await import('../../src/reader/positions-section.ts');
    const p = { chapterId: 'news-feed', anchorId: '3-prepare-the-data', fraction: 0.4, maxFraction: 0.6, updatedAt: NOW - 1, seen: ['intro'], readAt: null };
    expect(positionsSection.fromJson(positionsSection.toJson(p), NOW)).toEqual({ ok: true, record: p });
    expect(positionsSection.fromJson({ ...p, fraction: 2 }, NOW)).toMatchObject({ ok: false });
    expect(positionsSection.fromJson({ ...p, updatedAt: NOW + 3 * 86_400_000 }, NOW)).toMatchObject({ ok: false, problem: /future/ });
    expect(positionsSection.fromJson({ ...p, chapterId: '<img src=x>' }, NOW)).toMatchObject({ ok: false });
    const r = positionsSection.fromJson({ ...p, evil: '<script>' }, NOW);
    expect(r.ok && 'evil' in r.record).toBe(false);
  });
});
