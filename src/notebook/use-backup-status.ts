import { useEffect, useMemo, useState } from 'preact/hooks';
import { annotationCount, annotationsVersion, everyAnnotation, loadAllAnnotations } from '../annotations/annotation-store.ts';
import { getBackupInfo } from '../storage/annotations-repo.ts';
import { openPocketDb } from '../storage/db.ts';
import type { BackupInfo } from '../storage/schema.ts';
import { useStore } from '../ui/store.ts';
import { backupDue } from './notebook-model.ts';

/** How many highlights and notes there are (null until known), when the last backup was, and whether one is due. */
export function useBackupStatus(): { count: number | null; oldest: number | null; info: BackupInfo | null; due: boolean; refresh: () => void } {
  const version = useStore(annotationsVersion);
  const [info, setInfo] = useState<BackupInfo | null>(null);
  // Bumped after an export or import, which change the backup record but no annotation.
  const [backups, setBackups] = useState(0);
  useEffect(() => {
    void loadAllAnnotations().catch(() => undefined);
    void openPocketDb().then(getBackupInfo).then(setInfo).catch(() => setInfo(null));
  }, [version, backups]);
  return useMemo(() => {
    const all = everyAnnotation();
    const oldest = all.reduce<number | null>((m, a) => (m === null || a.createdAt < m ? a.createdAt : m), null);
    // Before everything is read, the count is known only when the notebook's first screen held every entry (null: not yet).
    return { count: annotationCount(), oldest, info, due: info ? backupDue(info, oldest) : false, refresh: () => setBackups((n) => n + 1) };
  }, [version, info]);
}
