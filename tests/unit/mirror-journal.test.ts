import { describe, expect, it } from 'vitest';
import { countsOf, encodeEntry, encodeSnapshot, parseJournal, replay, type JournalEntry } from '../../src/mirror/journal.ts';
import { planRestore, type DbHealth } from '../../src/mirror/restore-plan.ts';

const put = (area: string, key: string, value: unknown, at: number): JournalEntry => ({ at, writes: [{ area, key, value }] });
const del = (area: string, key: string, at: number): JournalEntry => ({ at, writes: [{ area, key, value: null }] });
const journal = (...entries: JournalEntry[]) => entries.map(encodeEntry).join('');

describe("the second copy's journal", () => {
  it('replays a snapshot and the entries after it, in order, deletes included', () => {
    const snap = replay(null, journal(put('annotations', 'a', { note: 'one' }, 1), put('progress', 'ch1', { f: 0.5 }, 2))).state;
    const r = replay(encodeSnapshot(snap), journal(put('annotations', 'a', { note: 'one two' }, 3), put('annotations', 'b', { note: 'b' }, 4), del('progress', 'ch1', 5)));
    expect(r.torn).toBe(false);
    expect(r.entries).toBe(3);
    expect(r.state.records.annotations).toEqual({ a: { note: 'one two' }, b: { note: 'b' } });
    expect(countsOf(r.state)).toEqual({ annotations: 2, progress: 0 });
    expect(r.state.changedAt).toBe(5);
  });

  it('keeps every whole entry before a torn last entry and reports the tear', () => {
    const whole = journal(put('annotations', 'a', { note: 'kept' }, 1), put('cards', 'c', { q: 'kept too' }, 2));
    const last = encodeEntry(put('annotations', 'z', { note: 'being written when the disk filled' }, 3));
    for (const cut of [1, Math.floor(last.length / 2), last.length - 2]) {
      const r = replay(null, whole + last.slice(0, cut));
      expect(r.torn).toBe(true);
      expect(r.entries).toBe(2);
      expect(r.state.records.annotations).toEqual({ a: { note: 'kept' } });
      expect(r.state.records.cards).toEqual({ c: { q: 'kept too' } });
    }
  });

  it('refuses a line whose checksum does not match (a damaged byte), and everything after it', () => {
    const text = journal(put('annotations', 'a', { note: 'x' }, 1), put('annotations', 'b', { note: 'y' }, 2));
    const damaged = text.replace('"y"', '"Y"');
    const { entries, torn } = parseJournal(damaged);
    expect(torn).toBe(true);
    expect(entries).toHaveLength(1);
  });

  it('never trusts a damaged snapshot', () => {
    const snap = encodeSnapshot(replay(null, journal(put('annotations', 'a', 1, 1))).state);
    const r = replay(snap.replace('"a"', '"b"'), '');
    expect(r.snapshotOk).toBe(false);
    expect(countsOf(r.state)).toEqual({});
  });
});

describe('the start-up check', () => {
  const STORES = ['annotations', 'progress', 'cards', 'reviews', 'attempts'];
  const mirror = replay(null, journal(put('annotations', 'a', 1, 1), put('annotations', 'b', 2, 2), put('cards', 'c', 3, 3))).state;
  const health = (counts: Record<string, number>, extra: Partial<DbHealth> = {}): DbHealth => ({ counts, dataLoss: false, createdNow: false, ...extra });
  const keysOf = (m: Record<string, string[]>) => (s: string) => new Set(m[s] ?? []);

  it('agrees when the counts match', () => {
    expect(planRestore(health({ annotations: 2, cards: 1 }), mirror, null, STORES, keysOf({})).kind).toBe('agree');
  });

  it('restores only what is missing when the database was emptied', () => {
    const plan = planRestore(health({}), mirror, null, STORES, keysOf({}));
    expect(plan).toEqual({ kind: 'restore', reason: 'emptied', missing: { annotations: ['a', 'b'], cards: ['c'] }, reseed: false });
  });

  it('after putting back what a wiped store lost, also takes in what the copy lacks from the other stores', () => {
    // Highlights cleared behind the app's back, while 3 reviews reached the database without passing this page's writes.
    const plan = planRestore(health({ cards: 1, reviews: 3 }), mirror, null, STORES, keysOf({ cards: ['c'], reviews: ['r1', 'r2', 'r3'] }));
    expect(plan).toEqual({ kind: 'restore', reason: 'behind', missing: { annotations: ['a', 'b'] }, reseed: true });
  });

  it('restores after the browser reported data loss, without the records the database already has again', () => {
    const plan = planRestore(health({ annotations: 1 }, { dataLoss: true, createdNow: true }), mirror, null, STORES, keysOf({ annotations: ['b'] }));
    expect(plan).toEqual({ kind: 'restore', reason: 'data-loss', missing: { annotations: ['a'], cards: ['c'] }, reseed: false });
  });

  it('does not bring back one deleted record when the database is otherwise whole', () => {
    const plan = planRestore(health({ annotations: 1, cards: 1 }), mirror, null, STORES, keysOf({ annotations: ['a'], cards: ['c'] }));
    expect(plan.kind).toBe('reseed');
  });

  it('writes the copy afresh when the database holds more (the copy is new or behind)', () => {
    expect(planRestore(health({ annotations: 3, cards: 1 }), mirror, null, STORES, keysOf({ annotations: ['a', 'b', 'd'], cards: ['c'] })).kind).toBe('reseed');
  });

  it('says the data is lost when both are empty but the stamp remembers records', () => {
    const empty = replay(null, '').state;
    expect(planRestore(health({}), empty, { changedAt: 5, counts: { annotations: 7 } }, STORES, keysOf({}))).toEqual({ kind: 'lost', expected: 7 });
    expect(planRestore(health({}), empty, null, STORES, keysOf({})).kind).toBe('agree');
  });
});
