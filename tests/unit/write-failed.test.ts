import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closePocketDb, onDbEvents, openPocketDb } from '../../src/storage/db.ts';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(() => closePocketDb());

/** Makes a transaction end the way the browser ends it on a full disk: aborted, with `error` set. */
async function fail(mode: IDBTransactionMode, errorName: string | null): Promise<void> {
  const db = await openPocketDb();
  const tx = db.transaction('progress', mode);
  if (errorName) Object.defineProperty(tx, 'error', { value: new DOMException('from the device', errorName) });
  tx.abort();
  await tx.done.catch(() => undefined);
  await new Promise((r) => setTimeout(r, 0));
}

describe('a refused write, whichever store it wrote', () => {
  it('is reported as the disk or the quota, so the closed connection that follows is known to be the disk', async () => {
    const seen: string[] = [];
    const stop = onDbEvents({ onWriteFailed: (kind) => seen.push(kind) });
    await fail('readwrite', 'UnknownError');
    await fail('readwrite', 'QuotaExceededError');
    // Not reported: a write the app aborted itself, and a read.
    await fail('readwrite', null);
    await fail('readonly', 'UnknownError');
    stop();
    expect(seen).toEqual(['disk', 'quota']);
  });
});
