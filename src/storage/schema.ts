import type { DBSchema } from 'idb';
import type { Annotation } from '../annotations/types.ts';
import type { ChapterMeta, ChapterPayload, ContentManifest } from '../shared/content-types.ts';

/**
 * What is stored where (the only IndexedDB database of the app):
 * - chapters: the installed guide, one record per chapter, keyed by id, with its hash and the
 *   content version it was installed with. Replaced only in one transaction with `meta.content`.
 * - meta: `content` — the installed manifest (version + chapter list), the pointer the reader trusts.
 * - progress: reading position per chapter (the user's own data; never cleared by a content update).
 * - annotations (v2): highlights and notes, the user's own data, keyed by a stable UUID.
 * - meta `backup` (v2): when the last export was made and how much changed since.
 * Later issues add stores here with a new DB_VERSION and a block in migrations.ts.
 */
export const DB_NAME = 'mlsd-pocket';
export const DB_VERSION = 2;

export interface StoredChapter extends ChapterPayload {
  /** The content version this record was installed with. */
  version: string;
}

export interface InstalledContent {
  key: 'content';
  manifest: ContentManifest;
  installedAt: number;
}

export interface BackupInfo {
  key: 'backup';
  lastBackupAt: number | null;
  /** Highlights and notes created or changed since the last export. */
  changesSinceBackup: number;
}

export interface ReadingProgress {
  chapterId: string;
  /** Heading or block id nearest the top of the screen. */
  anchorId: string | null;
  /** 0–1, how far through the chapter the reader has scrolled. */
  fraction: number;
  /** The furthest fraction ever reached (for "read" marks in the library). */
  maxFraction: number;
  updatedAt: number;
}

export interface PocketDB extends DBSchema {
  chapters: { key: string; value: StoredChapter };
  meta: { key: string; value: InstalledContent | BackupInfo };
  progress: { key: string; value: ReadingProgress; indexes: { 'by-updated': number } };
  annotations: { key: string; value: Annotation; indexes: { 'by-chapter': string; 'by-updated': number } };
}

export type { ChapterMeta };
