import { registerBackupSection, type BackupSection } from '../notebook/backup-sections.ts';
import { FAMILIES, type Family } from '../shared/content-types.ts';
import { LENGTHS, STEP_COUNT, type InterviewLength } from './steps.ts';
import type { PracticeAttempt } from './types.ts';

/**
 * The "attempts" section of the backup file. Pure. An attempt travels whole (answers, times,
 * the rubric it was graded against, ticks), so an import restores it exactly; a malformed one
 * refuses the whole import with the attempt named.
 */
// Far beyond any typed answer; the whole backup file is capped at 20 MB anyway.
const MAX_ANSWER = 1_000_000;
const FUTURE_SLACK_MS = 5 * 60_000;
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 946_684_800_000;
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isStr = (v: unknown, max = 300): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;

const LEVELS = ['L4', 'L5', 'L6+'];
function isRubricStep(s: unknown): boolean {
  if (!isObj(s) || !Number.isInteger(s.step) || !Array.isArray(s.checkpoints)) return false;
  return s.checkpoints.every(
    (c) => isObj(c) && isStr(c.id) && LEVELS.includes(c.level as string) && isStr(c.text, 1000) && isStr(c.chapterId, 100) && isStr(c.sectionId),
  );
}

export function attemptFromJson(raw: unknown, now: number): { ok: true; record: PracticeAttempt } | { ok: false; problem: string } {
  if (!isObj(raw)) return { ok: false, problem: 'an attempt is not an object' };
  if (!isStr(raw.id, 100)) return { ok: false, problem: 'an attempt has no id' };
  const name = `attempt ${raw.id}`;
  const fail = (why: string) => ({ ok: false as const, problem: `${name}: ${why}` });
  if (!isStr(raw.promptId, 100) || !isStr(raw.promptTitle)) return fail('it names no prompt');
  if (raw.kind !== 'case' && raw.kind !== 'prompt') return fail('its kind is neither case nor prompt');
  if (!LENGTHS.includes(raw.length as InterviewLength)) return fail(`its length is ${JSON.stringify(raw.length)} minutes; an interview is 45 or 60`);
  if (!['running', 'paused', 'finished'].includes(raw.status as string)) return fail('its status is not running, paused or finished');
  if (!Number.isInteger(raw.currentStep) || (raw.currentStep as number) < 1 || (raw.currentStep as number) > STEP_COUNT) return fail('its current step is not 1 to 7');
  if (!Array.isArray(raw.steps) || raw.steps.length !== STEP_COUNT) return fail('it does not have seven steps');
  for (const [i, s] of raw.steps.entries()) {
    if (!isObj(s) || s.step !== i + 1 || typeof s.answer !== 'string' || s.answer.length > MAX_ANSWER || !isNum(s.spentMs)) return fail(`its step ${i + 1} is malformed`);
  }
  if (!isObj(raw.clock) || !isNum(raw.clock.elapsedMs)) return fail('its clock is malformed');
  if (!isNum(raw.stepStartMs)) return fail('its step start is malformed');
  if (!Array.isArray(raw.ticked) || !raw.ticked.every((t) => typeof t === 'string')) return fail('its ticked checkpoints are malformed');
  if (!Array.isArray(raw.rubric) || !raw.rubric.every(isRubricStep)) return fail('its rubric is malformed');
  if (typeof raw.brief !== 'string' || typeof raw.promptHash !== 'string' || typeof raw.contentVersion !== 'string') return fail('its brief or content version is missing');
  for (const key of ['missedForCards', 'cardsMadeFor'] as const) {
    const v = raw[key];
    if (v !== undefined && !(Array.isArray(v) && v.every((t) => typeof t === 'string'))) return fail('its missed checkpoints are malformed');
  }
  if (!isTime(raw.createdAt) || !isTime(raw.updatedAt)) return fail('it has no valid dates');
  if (raw.updatedAt > now + FUTURE_SLACK_MS) return fail('it is dated in the future');
  if (raw.family !== undefined && !FAMILIES.includes(raw.family as Family)) return fail('its family is unknown');
  // An imported attempt never resumes a clock anchored on another device: it comes back paused.
  const clock = { elapsedMs: raw.clock.elapsedMs, anchor: null };
  const status = raw.status === 'running' ? 'paused' : raw.status;
  return { ok: true, record: { ...(raw as unknown as PracticeAttempt), clock, status: status as PracticeAttempt['status'] } };
}

export const attemptsSection: BackupSection<PracticeAttempt> = {
  key: 'attempts',
  noun: ['attempt', 'attempts'],
  maxRecords: 10_000,
  toJson: (a) => a,
  fromJson: attemptFromJson,
  idOf: (a) => a.id,
};

registerBackupSection(attemptsSection);
