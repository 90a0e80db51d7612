import { registerBackupSection } from '../notebook/backup-sections.ts';
import type { BackupIo } from '../notebook/backup-data.ts';
import { openPocketDb } from '../storage/db.ts';
import { allUserCards, putStudyImport } from '../storage/study-repo.ts';
import { cardsSection, mergeCards } from './backup-study.ts';
import { announceStudyChange } from './due-badge.ts';

registerBackupSection(cardsSection);

/** The reader's own cards in the backup file (loaded only when a backup is made or read). */
export const backupIo: BackupIo = {
  key: cardsSection.key,
  load: async () => allUserCards(await openPocketDb()),
  async save(records) {
    const db = await openPocketDb();
    const existing = new Map((await allUserCards(db)).map((c) => [c.id, c]));
    const toPut = mergeCards(existing, records as Parameters<typeof mergeCards>[1]);
    await putStudyImport(db, toPut, [], []);
    if (toPut.length) announceStudyChange();
    const added = toPut.filter((c) => !existing.has(c.id)).length;
    return { added, updated: toPut.length - added };
  },
};
