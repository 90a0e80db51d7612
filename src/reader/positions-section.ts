import { registerBackupSection, type BackupSection } from '../notebook/backup-sections.ts';
import type { ReadingProgress } from '../storage/schema.ts';

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DAY = 86_400_000;

type Check = { ok: true; record: ReadingProgress } | { ok: false; problem: string };

const isFraction = (v: unknown): v is number => typeof v === 'number' && v >= 0 && v <= 1;
const shortText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;

/** Reads one reading position from a backup or a sync document, strictly (unknown fields are dropped). */
export function readPosition(raw: unknown, now: number): Check {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, problem: 'a reading position is not an object' };
  const r = raw as Record<string, unknown>;
  if (!shortText(r.chapterId, 100) || !ID.test(r.chapterId)) return { ok: false, problem: 'a reading position has no valid chapter id' };
  const where = `the reading position of "${r.chapterId}"`;
  if (!(r.anchorId === null || shortText(r.anchorId, 200))) return { ok: false, problem: `${where} has an invalid place in the chapter` };
  if (!isFraction(r.fraction) || !isFraction(r.maxFraction)) return { ok: false, problem: `${where} is not between 0 and 100 %` };
  if (typeof r.updatedAt !== 'number' || !Number.isFinite(r.updatedAt) || r.updatedAt < 0) return { ok: false, problem: `${where} has no valid date` };
  if (r.updatedAt > now + DAY) return { ok: false, problem: `${where} is dated in the future` };
  const record: ReadingProgress = { chapterId: r.chapterId, anchorId: r.anchorId, fraction: r.fraction, maxFraction: r.maxFraction, updatedAt: r.updatedAt };
  if (r.seen !== undefined) {
    if (!Array.isArray(r.seen) || r.seen.length > 500 || !r.seen.every((s) => shortText(s, 200))) return { ok: false, problem: `${where} has an invalid list of sections read` };
    record.seen = r.seen as string[];
  }
  if (r.readAt !== undefined) {
    if (!(r.readAt === null || (typeof r.readAt === 'number' && Number.isFinite(r.readAt)))) return { ok: false, problem: `${where} has an invalid "read" date` };
    record.readAt = r.readAt;
  }
  if (r.readHash !== undefined) {
    if (!shortText(r.readHash, 100)) return { ok: false, problem: `${where} has an invalid chapter version` };
    record.readHash = r.readHash;
  }
  if (r.readSections !== undefined) {
    const s = r.readSections;
    if (!s || typeof s !== 'object' || Array.isArray(s) || Object.keys(s).length > 500 || !Object.values(s).every((h) => shortText(h, 100))) {
      return { ok: false, problem: `${where} has an invalid list of section versions` };
    }
    record.readSections = { ...(s as Record<string, string>) };
  }
  return { ok: true, record };
}

/** Reading positions travel in the backup (and the sync) as the "positions" section. */
export const positionsSection: BackupSection<ReadingProgress> = {
  key: 'positions',
  noun: ['reading position', 'reading positions'],
  maxRecords: 1_000,
  toJson: (p) => ({ ...p }),
  fromJson: readPosition,
  idOf: (p) => p.chapterId,
};

registerBackupSection(positionsSection);
