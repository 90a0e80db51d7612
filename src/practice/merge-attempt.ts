import type { PracticeAttempt } from './types.ts';

/**
 * Pure: one attempt changed in two places (two tabs, or a tab and sync) since the version both
 * started from (`base`), merged so neither loses work. Answers merge per step: the side that
 * changed a step's answer wins it (both changed it: this tab's text, which the user is looking
 * at). Ticks merge as sets. The interview's progress (step, clock, pause, finish) comes from the
 * side that moved it; if both did, from the one further along (finished beats running, a later
 * step beats an earlier one), so Next step or Finish pressed in one tab is never undone.
 */
export function mergeAttempt(base: PracticeAttempt | null, mine: PracticeAttempt, theirs: PracticeAttempt): PracticeAttempt {
  if (mine.id !== theirs.id) return mine;
  const b = base && base.id === mine.id ? base : theirs;
  const progress = pickProgress(b, mine, theirs);
  const steps = progress.steps.map((s, i) => {
    const baseAnswer = b.steps[i]?.answer;
    const mineAnswer = mine.steps[i]?.answer ?? '';
    const theirAnswer = theirs.steps[i]?.answer ?? '';
    return { ...s, answer: mineAnswer !== baseAnswer ? mineAnswer : theirAnswer };
  });
  return {
    ...progress,
    steps,
    ticked: mergeSet(b.ticked, mine.ticked, theirs.ticked),
    ...cardsFrom(b, mine, theirs),
    updatedAt: Math.max(mine.updatedAt, theirs.updatedAt),
  };
}

const rank = (a: PracticeAttempt) => (a.status === 'finished' ? 100 : 0) + a.currentStep;
const moved = (base: PracticeAttempt, x: PracticeAttempt) => x.status !== base.status || x.currentStep !== base.currentStep;

function pickProgress(base: PracticeAttempt, mine: PracticeAttempt, theirs: PracticeAttempt): PracticeAttempt {
  const m = moved(base, mine);
  const t = moved(base, theirs);
  if (m && !t) return mine;
  if (t && !m) return theirs;
  if (m && t) return rank(mine) >= rank(theirs) ? mine : theirs;
  return mine;
}

function mergeSet(base: readonly string[], mine: readonly string[], theirs: readonly string[]): string[] {
  const b = new Set(base);
  const m = new Set(mine);
  const out = theirs.filter((x) => m.has(x) || !b.has(x));
  for (const x of mine) if (!b.has(x) && !out.includes(x)) out.push(x);
  return out;
}

/** "Make cards from what I missed" is recorded once: whichever side made cards (the later one if both). */
function cardsFrom(base: PracticeAttempt, mine: PracticeAttempt, theirs: PracticeAttempt): Partial<PracticeAttempt> {
  const pick = (mine.cardsMadeAt ?? 0) !== (base.cardsMadeAt ?? 0) && (mine.cardsMadeAt ?? 0) >= (theirs.cardsMadeAt ?? 0) ? mine : theirs;
  const out: Partial<PracticeAttempt> = {};
  for (const key of ['missedForCards', 'cardsMadeAt', 'cardsMadeFor'] as const) if (pick[key] !== undefined) (out as Record<string, unknown>)[key] = pick[key];
  return out;
}

/** Whether two versions hold the same work (answers, progress, ticks, cards); the clock's anchor aside. */
export function sameWork(a: PracticeAttempt, b: PracticeAttempt): boolean {
  return (
    a.id === b.id &&
    a.status === b.status &&
    a.currentStep === b.currentStep &&
    a.cardsMadeAt === b.cardsMadeAt &&
    a.ticked.length === b.ticked.length &&
    a.ticked.every((t, i) => t === b.ticked[i]) &&
    a.steps.length === b.steps.length &&
    a.steps.every((s, i) => s.answer === b.steps[i]?.answer)
  );
}
