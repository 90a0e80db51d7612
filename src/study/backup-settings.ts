import type { BackupSection } from '../notebook/backup-sections.ts';
import { RETENTION_MAX, RETENTION_MIN } from './settings-model.ts';
import type { StoredStudySettings } from './study-settings.ts';

/**
 * The study settings in the backup file: "studySettings", one record (new cards per day, reviews
 * per day, desired retention, and when they were changed). Pure. A value out of range refuses the
 * whole import in plain words, as a damaged review does; merging keeps the later change.
 */
const FUTURE_SLACK_MS = 5 * 60_000;
const WHERE = 'the study settings';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const wholeIn = (v: unknown, lo: number, hi: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= lo && v <= hi;

export function studySettingsFromJson(raw: unknown, now: number): { ok: true; record: StoredStudySettings } | { ok: false; problem: string } {
  if (!isObj(raw)) return { ok: false, problem: `${WHERE} are not an object` };
  if (!wholeIn(raw.newPerDay, 0, 9999)) return { ok: false, problem: `${WHERE} give ${JSON.stringify(raw.newPerDay)} new cards a day; it must be a whole number from 0 to 9999` };
  if (!wholeIn(raw.maxReviewsPerDay, 0, 99999)) return { ok: false, problem: `${WHERE} give ${JSON.stringify(raw.maxReviewsPerDay)} reviews a day; it must be a whole number from 0 to 99999` };
  if (typeof raw.retention !== 'number' || !(raw.retention >= RETENTION_MIN && raw.retention <= RETENTION_MAX)) {
    return { ok: false, problem: `${WHERE} ask for a desired retention of ${JSON.stringify(raw.retention)}; it must be from ${RETENTION_MIN} to ${RETENTION_MAX} (${RETENTION_MIN * 100}–${RETENTION_MAX * 100} %)` };
  }
  if (typeof raw.updatedAt !== 'number' || !Number.isFinite(raw.updatedAt) || raw.updatedAt < 0) return { ok: false, problem: `${WHERE} have no valid date` };
  if (raw.updatedAt > now + FUTURE_SLACK_MS) return { ok: false, problem: `${WHERE} are dated in the future` };
  return { ok: true, record: { newPerDay: raw.newPerDay, maxReviewsPerDay: raw.maxReviewsPerDay, retention: Math.round(raw.retention * 100) / 100, updatedAt: raw.updatedAt } };
}

export const studySettingsSection: BackupSection<StoredStudySettings> = {
  key: 'studySettings',
  noun: ['study settings', 'study settings'],
  maxRecords: 1,
  toJson: (s) => s,
  fromJson: studySettingsFromJson,
  idOf: () => 'study-settings',
};

/** The settings an import should apply: the incoming ones when they were changed later than ours (null: keep ours). */
export function mergeStudySettings(have: StoredStudySettings | null, incoming: StoredStudySettings | undefined): StoredStudySettings | null {
  if (!incoming) return null;
  if (have && have.updatedAt >= incoming.updatedAt) return null;
  return incoming;
}
