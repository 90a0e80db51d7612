import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation } from '../../src/annotations/types.ts';
import { getAnnotation, getBackupInfo, saveAnnotation } from '../../src/storage/annotations-repo.ts';
import { closePocketDb, openedPocketDb, openPocketDb } from '../../src/storage/db.ts';
import { onUserWrite, type UserWrite } from '../../src/storage/user-writes.ts';

const ann = (id: string, note = '', updatedAt = 1): Annotation => ({
  id, chapterId: 'evaluate', anchor: null, sectionId: null, colour: 'yellow', note,
  contentVersion: 'v1', chapterHash: 'h1', status: 'anchored', createdAt: 1, updatedAt,
});

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(() => closePocketDb());

describe('saving a highlight', () => {
  it('writes a new one, announces it once, and counts it for the backup reminder', async () => {
    const db = await openPocketDb();
    const seen: UserWrite[] = [];
    const stop = onUserWrite((w) => seen.push(...w));
    const a = ann('00000000-0000-4000-8000-000000000001');
    expect(await saveAnnotation(db, a, null)).toEqual({ kind: 'saved', record: a });
    stop();
    expect(await getAnnotation(db, a.id)).toEqual(a);
    expect(seen).toEqual([{ store: 'annotations', key: a.id, value: a }]);
    expect((await getBackupInfo(db)).changesSinceBackup).toBe(1);
  });

  it('counts a record only when it is new: writing it again or editing it adds nothing', async () => {
    const db = await openPocketDb();
    const a = ann('00000000-0000-4000-8000-000000000002');
    await saveAnnotation(db, a, null);
    await saveAnnotation(db, { ...a, colour: 'green', updatedAt: 2 }, null);
    await saveAnnotation(db, { ...a, note: 'why', updatedAt: 3 }, { ...a, colour: 'green', updatedAt: 2 });
    await saveAnnotation(db, ann('00000000-0000-4000-8000-000000000003'), null);
    expect((await getAnnotation(db, a.id))?.note).toBe('why');
    expect((await getBackupInfo(db)).changesSinceBackup).toBe(2);
  });

  it('offers the open connection at once, and none once it is closed', async () => {
    expect(openedPocketDb()).toBeNull();
    const db = await openPocketDb();
    expect(openedPocketDb()).toBe(db);
    await closePocketDb();
    expect(openedPocketDb()).toBeNull();
  });
});
