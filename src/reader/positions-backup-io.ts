import type { BackupIo } from '../notebook/backup-data.ts';
import { openPocketDb } from '../storage/db.ts';
import { allProgress } from '../storage/progress-repo.ts';
import type { ReadingProgress } from '../storage/schema.ts';
import { writeUserRecords } from '../storage/sync-repo.ts';
import { positionsSection } from './positions-section.ts';

/**
 * Merges reading positions from another device: the newer position wins, the furthest point ever
 * reached and the "read" marks are kept from either side (reading on one device never un-reads
 * a chapter on the other). Pure; `mergePositionsIo` writes the result.
 */
export function mergePositions(have: ReadingProgress | undefined, incoming: ReadingProgress): ReadingProgress | null {
  if (!have) return incoming;
  const newer = incoming.updatedAt > have.updatedAt ? incoming : have;
  const seen = [...new Set([...(have.seen ?? []), ...(incoming.seen ?? [])])];
  const merged: ReadingProgress = { ...newer, maxFraction: Math.max(have.maxFraction, incoming.maxFraction) };
  if (seen.length) merged.seen = seen;
  const read = [have, incoming].filter((p) => typeof p.readAt === 'number').sort((a, b) => (b.readAt ?? 0) - (a.readAt ?? 0))[0];
  if (read && merged.readAt === undefined) {
    merged.readAt = read.readAt ?? null;
    if (read.readHash) merged.readHash = read.readHash;
    if (read.readSections) merged.readSections = read.readSections;
  }
  return JSON.stringify(merged) === JSON.stringify(have) ? null : merged;
}

export const backupIo: BackupIo = {
  key: positionsSection.key,
  load: async () => allProgress(await openPocketDb()),
  async save(records) {
    const db = await openPocketDb();
    const have = new Map((await allProgress(db)).map((p) => [p.chapterId, p]));
    const changes: { store: 'progress'; key: string; record: Record<string, unknown> }[] = [];
    let added = 0;
    for (const p of records as ReadingProgress[]) {
      const next = mergePositions(have.get(p.chapterId), p);
      if (!next) continue;
      if (!have.has(p.chapterId)) added++;
      changes.push({ store: 'progress', key: p.chapterId, record: next as unknown as Record<string, unknown> });
    }
    await writeUserRecords(db, changes);
    return { added, updated: changes.length - added };
  },
};
