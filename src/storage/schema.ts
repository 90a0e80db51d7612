import type { DBSchema } from 'idb';
import type { Annotation } from '../annotations/types.ts';
import type { PracticeAttempt } from '../practice/types.ts';
import type { StoredSearchIndex } from '../search/types.ts';
import type { ChapterMeta, ChapterPayload, ContentManifest } from '../shared/content-types.ts';
import type { CardSchedule, ReviewLogEntry, StudyCardIndex, UserCard } from '../study/types.ts';

/**
 * What is stored where (the only IndexedDB database of the app):
 * - chapters: the installed guide, one record per chapter, keyed by id, with its hash and the
 *   content version it was installed with. Replaced only in one transaction with `meta.content`.
 * - meta: `content` — the installed manifest (version + chapter list), the pointer the reader trusts.
 * - progress: reading position per chapter (the user's own data; never cleared by a content update).
 * - annotations (v2): highlights and notes, the user's own data, keyed by a stable UUID.
 * - meta `backup` (v2): when the last export was made and how much changed since.
 * - cards (v3): cards the reader made (user data), keyed by UUID.
 * - reviews (v3): the review log, one entry per grade, append-only (user data, source of truth).
 * - schedule (v3): each card's derived schedule (a cache of replaying its log; `by-due` for counts).
 * - meta `study-cards`: the guide's cards of the installed version (a cache, so Review need not read every chapter).
 * - attempts (v3): mock-interview attempts (user data), keyed by UUID.
 * - searchIndex (v3): the search index per content version (a cache, rebuilt when missing).
 * - annotations `by-position` (v4): [chapterId, anchor.position.start], so the notebook reads its
 *   first screen (a chapter's first highlights in reading order) without reading every record.
 *   Notes without a passage have no position and are not in it.
 * Later issues add stores here with a new DB_VERSION and a block in migrations.ts.
 */
export const DB_NAME = 'mlsd-pocket';
export const DB_VERSION = 4;

export interface StoredChapter extends ChapterPayload {
  /** The content version this record was installed with. */
  version: string;
}

export interface InstalledContent {
  key: 'content';
  manifest: ContentManifest;
  installedAt: number;
}

/** Settings → Sync's password, encrypted with a key the browser will not let anyone read out (v3, meta). */
export interface SyncSecret {
  key: 'sync-secret';
  cryptoKey: CryptoKey;
  iv: Uint8Array;
  data: ArrayBuffer;
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
  /** Sections (## ids) that were on screen long enough to count as read (src/reader/read-model.ts). */
  seen?: string[];
  /** When the chapter became read (earned or marked); null after "Mark as unread". */
  readAt?: number | null;
  /** The chapter hash when it became read: a different hash now means "Updated since you read it". */
  readHash?: string;
  /** Hash of each section's text when the chapter became read (section id → hash), to mark changed sections. */
  readSections?: Record<string, string>;
}

export interface PocketDB extends DBSchema {
  chapters: { key: string; value: StoredChapter };
  meta: { key: string; value: InstalledContent | BackupInfo | SyncSecret | StudyCardIndex };
  progress: { key: string; value: ReadingProgress; indexes: { 'by-updated': number } };
  annotations: { key: string; value: Annotation; indexes: { 'by-chapter': string; 'by-updated': number; 'by-position': [string, number] } };
  cards: { key: string; value: UserCard; indexes: { 'by-updated': number; 'by-highlight': string } };
  reviews: { key: string; value: ReviewLogEntry; indexes: { 'by-card': string; 'by-time': number } };
  schedule: { key: string; value: CardSchedule; indexes: { 'by-due': number } };
  attempts: { key: string; value: PracticeAttempt; indexes: { 'by-prompt': string; 'by-updated': number } };
  searchIndex: { key: string; value: StoredSearchIndex };
}

/** The stores that hold what the user made (backed up, mirrored, synced); the rest are caches or the guide. */
export const USER_STORES = ['annotations', 'progress', 'cards', 'reviews', 'attempts'] as const;
export type UserStore = (typeof USER_STORES)[number];

export type { ChapterMeta };
