import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { PocketDB } from './schema.ts';

/**
 * Every schema change, cumulative: a database at any older version is brought up to date
 * block by block. A block may add stores and indexes or rewrite records; it never drops the
 * user's data. Each block has a test that starts from a database written by the version before.
 */
export function migrate(
  db: IDBPDatabase<PocketDB>,
  oldVersion: number,
  _newVersion: number | null,
  tx: IDBPTransaction<PocketDB, StoreNames<PocketDB>[], 'versionchange'>,
): void {
  if (oldVersion < 1) {
    db.createObjectStore('chapters', { keyPath: 'id' });
    db.createObjectStore('meta', { keyPath: 'key' });
    const progress = db.createObjectStore('progress', { keyPath: 'chapterId' });
    progress.createIndex('by-updated', 'updatedAt');
  }
  if (oldVersion < 2) {
    const annotations = db.createObjectStore('annotations', { keyPath: 'id' });
    annotations.createIndex('by-chapter', 'chapterId');
    annotations.createIndex('by-updated', 'updatedAt');
  }
  if (oldVersion < 3) {
    // Study, practice and search arrive together: new stores only, nothing rewritten.
    const cards = db.createObjectStore('cards', { keyPath: 'id' });
    cards.createIndex('by-updated', 'updatedAt');
    cards.createIndex('by-highlight', 'highlightId');
    const reviews = db.createObjectStore('reviews', { keyPath: 'id' });
    reviews.createIndex('by-card', 'cardId');
    reviews.createIndex('by-time', 'reviewedAt');
    db.createObjectStore('schedule', { keyPath: 'cardId' }).createIndex('by-due', 'due');
    const attempts = db.createObjectStore('attempts', { keyPath: 'id' });
    attempts.createIndex('by-prompt', 'promptId');
    attempts.createIndex('by-updated', 'updatedAt');
    db.createObjectStore('searchIndex', { keyPath: 'version' });
  }
  if (oldVersion < 4) {
    // The notebook's first screen: a chapter's highlights by position (notes without a passage stay out).
    tx.objectStore('annotations').createIndex('by-position', ['chapterId', 'anchor.position.start']);
  }
}
