import type { BackupIo } from '../notebook/backup-data.ts';
import { openPocketDb } from '../storage/db.ts';
import { allAttempts, putAttempts } from '../storage/attempts-repo.ts';
import { flush } from './attempt-store.ts';
import './backup-attempts.ts';
import type { PracticeAttempt } from './types.ts';

/** Attempts in and out of the backup file: all of them out; in, merged by id (the newer edit wins). */
export const backupIo: BackupIo = {
  key: 'attempts',
  async load() {
    await flush();
    return allAttempts(await openPocketDb());
  },
  async save(records) {
    const db = await openPocketDb();
    const have = new Map((await allAttempts(db)).map((a) => [a.id, a]));
    const incoming = records as PracticeAttempt[];
    const toPut = incoming.filter((a) => !have.has(a.id) || a.updatedAt > (have.get(a.id)?.updatedAt ?? 0));
    await putAttempts(db, toPut, 'restore');
    const added = toPut.filter((a) => !have.has(a.id)).length;
    return { added, updated: toPut.length - added };
  },
};
