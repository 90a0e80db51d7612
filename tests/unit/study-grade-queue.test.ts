import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { onGradeQueueState, submit } from '../../src/study/grade-queue.ts';
import { applyUpdate } from '../../src/sw-bridge/index.ts';
import { grade, NEW_MEMORY } from '../../src/study/scheduler.ts';
import { closePocketDb, openPocketDb } from '../../src/storage/db.ts';
import type { StorageFailure } from '../../src/storage/errors.ts';

const T0 = Date.UTC(2026, 11, 7, 9, 0, 0);
const put = IDBObjectStore.prototype.put;

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(async () => {
  IDBObjectStore.prototype.put = put;
  onGradeQueueState(null);
  await closePocketDb();
});

describe('a grade when storage is full', () => {
  it('stays pending (the screen keeps the card), reports "quota", and is saved by the retry', async () => {
    let failures = 1;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'reviews' && failures > 0) {
        failures--;
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return put.apply(this, args);
    };
    const states: string[] = [];
    onGradeQueueState((s) => states.push(s.kind === 'failing' ? (s.error as StorageFailure).kind : s.kind));
    const e = grade('evaluate:a', NEW_MEMORY(T0), 3, T0, 0.9, 'e1');
    let outcome: string | null = null;
    const done = submit({ kind: 'grade', entry: e, schedule: { cardId: e.cardId, chapterId: 'evaluate', question: 'q', ...e.after } }, e.id, T0).then((o) => (outcome = o));
    await new Promise((r) => setTimeout(r, 300));
    expect(outcome).toBeNull();
    expect(states).toContain('quota');
    const db = await openPocketDb();
    expect(await db.count('reviews')).toBe(0);
    await done;
    expect(outcome).toBe('saved');
    expect(await db.count('reviews')).toBe(1);
    expect(await db.count('schedule')).toBe(1);
    expect(states.at(-1)).toBe('idle');
  }, 15_000);

  it('is written before an app update reloads the page, not left for the retry timer', async () => {
    let failures = 1;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'reviews' && failures > 0) {
        failures--;
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return put.apply(this, args);
    };
    const e = grade('evaluate:b', NEW_MEMORY(T0), 4, T0, 0.9, 'e2');
    void submit({ kind: 'grade', entry: e, schedule: { cardId: e.cardId, chapterId: 'evaluate', question: 'q', ...e.after } }, e.id, T0);
    await new Promise((r) => setTimeout(r, 300));
    const db = await openPocketDb();
    expect(await db.count('reviews')).toBe(0);
    // Node has no service worker: the reload itself fails after the work that must come before it.
    await applyUpdate().catch(() => undefined);
    expect(await db.count('reviews')).toBe(1);
  }, 15_000);
});
