import type { BackupText } from '../notebook/backup-actions.ts';
import { opfsAvailable, readFrom, removeFile, replaceFile, withMirrorLock } from './opfs.ts';

/**
 * The last backup the app exported, kept on this device beside the mirror (Origin Private File
 * System), so that after a data loss the restore notice can offer it in one tap. The files are
 * the exported ones, byte for byte; `last-backup.json` describes them and is written last, so a
 * copy cut short by a crash is never offered.
 */
const INFO = 'last-backup.json';
const part = (i: number) => `last-backup-${i + 1}.txt`;

export interface LastBackup {
  exportedAt: number;
  /** Records per kind: annotations, cards, reviews, attempts, positions… */
  counts: Record<string, number>;
  files: number;
}

/** Keeps a copy of the backup just exported (replacing the one before). Never throws. */
export async function keepLastBackup(files: BackupText[], about: Omit<LastBackup, 'files'>): Promise<void> {
  if (!opfsAvailable() || files.length === 0) return;
  try {
    await withMirrorLock(async () => {
      const before = await readInfo();
      await removeFile(INFO);
      for (const [i, f] of files.entries()) await replaceFile(part(i), f.text);
      for (let i = files.length; i < (before?.files ?? 0); i++) await removeFile(part(i));
      const info: LastBackup = { ...about, files: files.length };
      await replaceFile(INFO, JSON.stringify(info));
    });
  } catch {
    // A full disk, or no OPFS: the export itself was made; only the spare copy is missing.
  }
}

async function readInfo(): Promise<LastBackup | null> {
  try {
    const v = JSON.parse((await readFrom(INFO)).text || 'null') as LastBackup | null;
    return v && typeof v.exportedAt === 'number' && Number.isInteger(v.files) && v.files > 0 && typeof v.counts === 'object' ? v : null;
  } catch {
    return null;
  }
}

/** What the kept copy holds (date and counts), or null when there is none. */
export async function lastBackupInfo(): Promise<LastBackup | null> {
  if (!opfsAvailable()) return null;
  return withMirrorLock(readInfo).catch(() => null);
}

/** The kept copy's files, ready for the importer, or null when there is none. */
export async function lastBackupFiles(): Promise<BackupText[] | null> {
  if (!opfsAvailable()) return null;
  return withMirrorLock(async () => {
    const info = await readInfo();
    if (!info) return null;
    const out: BackupText[] = [];
    for (let i = 0; i < info.files; i++) out.push({ name: `last backup${info.files > 1 ? `, part ${i + 1}` : ''}`, text: (await readFrom(part(i))).text });
    return out;
  }).catch(() => null);
}
