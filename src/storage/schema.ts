import type { DBSchema } from 'idb';
import type { ChapterMeta, ChapterPayload, ContentManifest } from '../shared/content-types.ts';

/**
 * What is stored where (the only IndexedDB database of the app):
 * - chapters: the installed guide, one record per chapter, keyed by id, with its hash and the
 *   content version it was installed with. Replaced only in one transaction with `meta.content`.
 * - meta: `content` — the installed manifest (version + chapter list), the pointer the reader trusts.
 * - progress: reading position per chapter (the user's own data; never cleared by a content update).
 * Later issues add stores here with a new DB_VERSION and a block in migrations.ts.
 */
export const DB_NAME = 'mlsd-pocket';
export const DB_VERSION = 1;

export interface StoredChapter extends ChapterPayload {
  /** The content version this record was installed with. */
  version: string;
}

export interface InstalledContent {
  key: 'content';
  manifest: ContentManifest;
  installedAt: number;
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
  meta: { key: string; value: InstalledContent };
  progress: { key: string; value: ReadingProgress; indexes: { 'by-updated': number } };
}

export type { ChapterMeta };
