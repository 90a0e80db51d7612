import type { BackupIo } from '../notebook/backup-data.ts';
import { registerBackupSection } from '../notebook/backup-sections.ts';
import { mergeStudySettings, studySettingsSection } from './backup-settings.ts';
import { announceStudyChange } from './due-badge.ts';
import { storedStudySettings, updateStudySettings, type StoredStudySettings } from './study-settings.ts';

registerBackupSection(studySettingsSection);

/** The study settings in the backup file (loaded only when a backup is made or read); never-changed defaults are not exported. */
export const backupIo: BackupIo = {
  key: studySettingsSection.key,
  load: async () => {
    const s = storedStudySettings();
    return s ? [s] : [];
  },
  async save(records) {
    const have = storedStudySettings();
    const next = mergeStudySettings(have, (records as StoredStudySettings[])[0]);
    if (!next) return { added: 0, updated: 0 };
    const { updatedAt, ...settings } = next;
    updateStudySettings(settings, updatedAt);
    announceStudyChange();
    return have ? { added: 0, updated: 1 } : { added: 1, updated: 0 };
  },
};
