import type { StudySettings } from './types.ts';

/** Same defaults as Anki: 20 new cards a day, 200 reviews, desired retention 0.90. */
export const DEFAULT_STUDY: StudySettings = { newPerDay: 20, maxReviewsPerDay: 200, retention: 0.9 };
export const RETENTION_MIN = 0.8;
export const RETENTION_MAX = 0.97;

const intIn = (v: unknown, lo: number, hi: number, fallback: number) =>
  typeof v === 'number' && Number.isInteger(v) && v >= lo && v <= hi ? v : fallback;

/** Pure: whatever was stored, as valid settings (field by field). */
export function parseStudySettings(raw: unknown): StudySettings {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const retention =
    typeof r.retention === 'number' && r.retention >= RETENTION_MIN && r.retention <= RETENTION_MAX
      ? Math.round(r.retention * 100) / 100
      : DEFAULT_STUDY.retention;
  return {
    newPerDay: intIn(r.newPerDay, 0, 9999, DEFAULT_STUDY.newPerDay),
    maxReviewsPerDay: intIn(r.maxReviewsPerDay, 0, 99999, DEFAULT_STUDY.maxReviewsPerDay),
    retention,
  };
}
