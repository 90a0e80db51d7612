import type { RubricLevel, RubricStep } from '../../shared/content-types.ts';

/**
 * Parses a ```rubric block (the contract in docs/writing-guide.md, "Rubrics"):
 *   step 1
 *   - L4 | What the interviewer looks for | ../framework/02-clarify-requirements.md#anchor
 * Steps 1–7, each once and in order, 3–6 checkpoints each. Links are only checked for shape
 * here; the compile step resolves them against every chapter's headings.
 */
export interface RawCheckpoint {
  level: RubricLevel;
  text: string;
  /** The link as written, e.g. `../concepts/04-metrics-sheet.md#ndcg`. */
  href: string;
  /** Line within the block (0-based). */
  line: number;
}

export interface RawRubricStep {
  step: number;
  checkpoints: RawCheckpoint[];
  /** Checkpoint lines written under this step, valid or not (for the 3–6 rule). */
  written: number;
  line: number;
}

export interface RubricParse {
  steps: RawRubricStep[];
  errors: { line: number; message: string }[];
}

export const RUBRIC_STEPS = 7;
export const MIN_CHECKPOINTS = 3;
export const MAX_CHECKPOINTS = 6;
export const MIN_TEXT = 10;
export const MAX_TEXT = 220;
const LEVELS: readonly RubricLevel[] = ['L4', 'L5', 'L6+'];

export function parseRubric(text: string): RubricParse {
  const steps: RawRubricStep[] = [];
  const errors: RubricParse['errors'] = [];
  const err = (line: number, message: string) => errors.push({ line, message });
  const lines = text.split('\n');
  let lastLine = 0;

  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    lastLine = i;
    const stepMatch = /^step\s+(\S+)$/i.exec(line);
    if (stepMatch) {
      const n = Number(stepMatch[1]);
      const expected = (steps[steps.length - 1]?.step ?? 0) + 1;
      if (!Number.isInteger(n) || n < 1 || n > RUBRIC_STEPS) {
        err(i, `"${line}": a step is a whole number from 1 to ${RUBRIC_STEPS}`);
      } else if (steps.some((s) => s.step === n)) {
        err(i, `step ${n} appears twice; each step appears once`);
        steps.push({ step: n, checkpoints: [], written: 0, line: i });
      } else if (n !== expected) {
        err(i, `step ${n} is out of order; step ${expected} comes next`);
        steps.push({ step: n, checkpoints: [], written: 0, line: i });
      } else {
        steps.push({ step: n, checkpoints: [], written: 0, line: i });
      }
      return;
    }
    if (!line.startsWith('-')) {
      err(i, `unexpected line "${line.slice(0, 40)}": write "step N" or "- LEVEL | TEXT | LINK"`);
      return;
    }
    const current = steps[steps.length - 1];
    if (!current) {
      err(i, 'a checkpoint before the first "step 1" line');
      return;
    }
    current.written++;
    const cp = parseCheckpoint(line.replace(/^-\s*/, ''), i, err);
    if (cp) current.checkpoints.push(cp);
  });

  for (let n = 1; n <= RUBRIC_STEPS; n++) {
    if (!steps.some((s) => s.step === n)) err(lastLine, `step ${n} is missing; a rubric has steps 1 to ${RUBRIC_STEPS}, each once, in order`);
  }
  for (const s of steps) {
    const count = s.written;
    if (count < MIN_CHECKPOINTS || count > MAX_CHECKPOINTS) {
      err(s.line, `step ${s.step} has ${count} checkpoint${count === 1 ? '' : 's'}; each step has ${MIN_CHECKPOINTS} to ${MAX_CHECKPOINTS}`);
    }
  }
  errors.sort((a, b) => a.line - b.line);
  return { steps, errors };
}

function parseCheckpoint(rest: string, line: number, err: (line: number, message: string) => void): RawCheckpoint | null {
  const fields = rest.split('|').map((f) => f.trim());
  if (fields.length !== 3) {
    err(line, `a checkpoint is "- LEVEL | TEXT | LINK" (three fields, no "|" inside the text); found ${fields.length} field${fields.length === 1 ? '' : 's'}`);
    return null;
  }
  const [level = '', text = '', href = ''] = fields;
  let ok = true;
  if (!LEVELS.includes(level as RubricLevel)) {
    err(line, `level "${level}" must be one of ${LEVELS.join(', ')}`);
    ok = false;
  }
  if (text.length < MIN_TEXT || text.length > MAX_TEXT) {
    err(line, `checkpoint text has ${text.length} characters; write ${MIN_TEXT} to ${MAX_TEXT}`);
    ok = false;
  }
  if (!/^[^\s#:]+\.md#[a-z0-9][a-z0-9-]*$/.test(href) || href.startsWith('/')) {
    err(line, `link "${href}" must be a relative link to a guide chapter and section, like ../framework/06-evaluate.md#offline-metrics`);
    ok = false;
  }
  return ok ? { level: level as RubricLevel, text, href, line } : null;
}

/** The compiled rubric: checkpoint ids are `${ownerId}:r${step}-${n}`; links are already resolved, in checkpoint order. */
export function compileRubric(
  ownerId: string,
  steps: RawRubricStep[],
  links: { chapterId: string; anchor: string }[],
): RubricStep[] {
  let k = 0;
  return steps.map((s) => ({
    step: s.step,
    checkpoints: s.checkpoints.map((cp, i) => {
      const link = links[k++];
      return {
        id: `${ownerId}:r${s.step}-${i + 1}`,
        level: cp.level,
        text: cp.text,
        chapterId: link?.chapterId ?? '',
        sectionId: link?.anchor ?? '',
      };
    }),
  }));
}
