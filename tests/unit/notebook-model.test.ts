import { describe, expect, it } from 'vitest';
import { resolveConflict, CONFLICT_MARK } from '../../src/annotations/conflict.ts';
import type { Annotation } from '../../src/annotations/types.ts';
import { backupDue, keepAsNote, notebookGroups, orphans } from '../../src/notebook/notebook-model.ts';
import { makeGuide } from '../support/guide-fixtures.ts';

const DAY = 86_400_000;
let n = 0;
const ann = (chapterId: string, start: number | null, extra: Partial<Annotation> = {}): Annotation => ({
  id: `id-${++n}`,
  chapterId,
  anchor: start === null ? null : { quote: { type: 'TextQuoteSelector', exact: `quote ${n}`, prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start, end: start + 7 } },
  sectionId: null,
  colour: start === null ? null : 'yellow',
  note: '',
  contentVersion: 'v1',
  chapterHash: 'h',
  status: 'anchored',
  createdAt: n,
  updatedAt: n,
  ...extra,
});

describe('notebook model', () => {
  const { manifest } = makeGuide(['a', 'b', 'c']);

  it('groups by chapter in reading order and by position within a chapter', () => {
    const list = [ann('c', 5), ann('a', 90), ann('a', 10), ann('a', null), ann('b', 1)];
    const groups = notebookGroups(list, manifest, { colours: new Set(), query: '' });
    expect(groups.map((g) => g.chapterId)).toEqual(['a', 'b', 'c']);
    expect(groups[0]!.items.map((a) => a.anchor?.position.start ?? null)).toEqual([10, 90, null]);
  });

  it('filters by colour and searches quotes and notes, leaving orphans to their own list', () => {
    const list = [ann('a', 1, { colour: 'green', note: 'Remember NDCG' }), ann('a', 2, { colour: 'pink' }), ann('b', 3, { status: 'orphaned' })];
    expect(notebookGroups(list, manifest, { colours: new Set(['green']), query: '' }).flatMap((g) => g.items)).toHaveLength(1);
    expect(notebookGroups(list, manifest, { colours: new Set(), query: 'ndcg' }).flatMap((g) => g.items.map((a) => a.note))).toEqual(['Remember NDCG']);
    expect(notebookGroups(list, manifest, { colours: new Set(), query: '' }).flatMap((g) => g.items)).toHaveLength(2);
    expect(orphans(list).map((a) => a.status)).toEqual(['orphaned']);
  });

  it('reminds to back up after 30 days or 50 new highlights', () => {
    const now = 100 * DAY;
    expect(backupDue({ lastBackupAt: null, changesSinceBackup: 3 }, null, now)).toBe(false);
    expect(backupDue({ lastBackupAt: null, changesSinceBackup: 3 }, now - 29 * DAY, now)).toBe(false);
    expect(backupDue({ lastBackupAt: null, changesSinceBackup: 3 }, now - 31 * DAY, now)).toBe(true);
    expect(backupDue({ lastBackupAt: now - DAY, changesSinceBackup: 50 }, 0, now)).toBe(true);
    expect(backupDue({ lastBackupAt: now - 31 * DAY, changesSinceBackup: 1 }, 0, now)).toBe(true);
    expect(backupDue({ lastBackupAt: now - 31 * DAY, changesSinceBackup: 0 }, 0, now)).toBe(false);
  });

  it('keeps an orphan as a note with its quote, losing nothing', () => {
    const a = ann('a', 4, { status: 'orphaned', note: 'why it matters' });
    const kept = keepAsNote(a, 1000);
    expect(kept.anchor).toBeNull();
    expect(kept.status).toBe('anchored');
    expect(kept.note).toBe(`> ${a.anchor!.quote.exact}\n\nwhy it matters`);
  });
});

describe('two tabs editing one note', () => {
  const base = ann('a', 1, { note: 'First thought.', updatedAt: 10 });
  it('keeps the longer note when one extends the other', () => {
    const stored = { ...base, note: 'First thought. More from tab A.', updatedAt: 20 };
    const mine = { ...base, note: 'First thought.', updatedAt: 15 };
    expect(resolveConflict(stored, mine).note).toBe(stored.note);
  });
  it('keeps both when they diverge, and the newer colour', () => {
    const stored = { ...base, note: 'Tab A wrote this.', colour: 'green' as const, updatedAt: 20 };
    const mine = { ...base, note: 'Tab B wrote that.', colour: 'pink' as const, updatedAt: 25 };
    const r = resolveConflict(stored, mine);
    expect(r.note).toBe(`Tab A wrote this.\n\n${CONFLICT_MARK}\n\nTab B wrote that.`);
    expect(r.colour).toBe('pink');
    expect(r.updatedAt).toBeGreaterThan(25);
  });
});
