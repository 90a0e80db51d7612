import { useEffect, useMemo, useState } from 'preact/hooks';
import { allLoaded, annotationsVersion, everyAnnotation, loadAllAnnotations } from '../annotations/annotation-store.ts';
import { getBackupInfo } from '../storage/annotations-repo.ts';
import { openPocketDb } from '../storage/db.ts';
import type { BackupInfo } from '../storage/schema.ts';
import { useStore } from '../ui/store.ts';
import { backupDue } from './notebook-model.ts';

/** How many highlights and notes there are, when the last backup was, and whether one is due. */
export function useBackupStatus(): { count: number; oldest: number | null; info: BackupInfo | null; due: boolean } {
  const version = useStore(annotationsVersion);
  const [info, setInfo] = useState<BackupInfo | null>(null);
  useEffect(() => {
    if (!allLoaded()) void loadAllAnnotations().catch(() => undefined);
    void openPocketDb().then(getBackupInfo).then(setInfo).catch(() => setInfo(null));
  }, [version]);
  return useMemo(() => {
    const all = everyAnnotation();
    const oldest = all.reduce<number | null>((m, a) => (m === null || a.createdAt < m ? a.createdAt : m), null);
    return { count: all.length, oldest, info, due: info ? backupDue(info, oldest) : false };
  }, [version, info]);
}
