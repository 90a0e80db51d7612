import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { goingIntoCache, mustStartAfresh } from '../../src/storage/cached-page.ts';
import { closePocketDb, openPocketDb } from '../../src/storage/db.ts';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(() => closePocketDb());

describe('a page going into the back/forward cache', () => {
  it('leaves no read open, and lets its writes land', async () => {
    const db = await openPocketDb();
    // Finished reads are not followed any more: nothing to abort, nothing to start afresh.
    const first = db.transaction('progress');
    await first.store.count();
    await first.done;
    expect(goingIntoCache()).toBe(0);
    expect(mustStartAfresh()).toBe(false);

    const read = db.transaction(['progress', 'annotations']);
    const asked = read.objectStore('progress').get('x');
    const write = db.transaction('progress', 'readwrite');
    const put = write.store.put({ chapterId: 'x', fraction: 0.5, updatedAt: 1 } as never);
    expect(goingIntoCache()).toBe(1);
    await expect(read.done).rejects.toMatchObject({ name: 'AbortError' });
    await expect(asked).rejects.toBeTruthy();
    await put;
    await write.done;
    expect(await db.get('progress', 'x')).toMatchObject({ fraction: 0.5 });
    expect(mustStartAfresh()).toBe(true);
  });
});
