import { registerBackupSection } from '../notebook/backup-sections.ts';
import type { BackupIo } from '../notebook/backup-data.ts';
import { openPocketDb } from '../storage/db.ts';
import { allReviews, allSchedules, allUserCards, putStudyImport } from '../storage/study-repo.ts';
import { mergeReviews, reviewsSection } from './backup-study.ts';
import { announceStudyChange } from './due-badge.ts';
import { recomputeSchedules } from './recompute.ts';
import { studySettings } from './study-settings.ts';
import type { ReviewLogEntry } from './types.ts';

registerBackupSection(reviewsSection);

/**
 * The review log in the backup file. Imported entries are merged by id (an undo merges too),
 * reviews of cards this device does not know are kept, and every touched card's schedule is
 * recomputed by replaying its whole log — in the same transaction as the entries.
 */
export const backupIo: BackupIo = {
  key: reviewsSection.key,
  load: async () => allReviews(await openPocketDb()),
  async save(records) {
    const db = await openPocketDb();
    const [log, schedules, cards] = await Promise.all([allReviews(db), allSchedules(db), allUserCards(db)]);
    const existing = new Map(log.map((e) => [e.id, e]));
    const toPut = mergeReviews(existing, records as ReviewLogEntry[]);
    if (toPut.length === 0) return { added: 0, updated: 0 };
    const merged = new Map(existing);
    toPut.forEach((e) => merged.set(e.id, e));
    const next = recomputeSchedules(
      new Set(toPut.map((e) => e.cardId)),
      [...merged.values()],
      new Map(schedules.map((s) => [s.cardId, s])),
      new Map(cards.map((c) => [c.id, c])),
      studySettings.get().retention,
    );
    await putStudyImport(db, [], toPut, next);
    announceStudyChange();
    const added = toPut.filter((e) => !existing.has(e.id)).length;
    return { added, updated: toPut.length - added };
  },
};
