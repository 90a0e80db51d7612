import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PracticeAttempt } from '../../src/practice/types.ts';
import { StorageFailure } from '../../src/storage/errors.ts';

// The repository refuses the first writes (storage full), then accepts: nothing typed may be lost.
// With `hang`, a write's read never comes back (a page going away) until it is aborted.
const stored = new Map<string, PracticeAttempt>();
let failures = 0;
let hang = false;
const aborted = vi.fn();
const atExit: PracticeAttempt[] = [];
vi.mock('../../src/storage/attempts-repo.ts', () => ({
  putAttemptOver: vi.fn(async (_db: unknown, a: PracticeAttempt, resolve: (s: PracticeAttempt | null) => PracticeAttempt, started?: (abort: () => void) => void) => {
    if (hang) {
      await new Promise((_, reject) => started?.(() => (aborted(), reject(new DOMException('aborted', 'AbortError')))));
    }
    if (failures-- > 0) throw new StorageFailure('quota', 'This device is out of storage space.');
    const toPut = resolve(structuredClone(stored.get(a.id)) ?? null);
    stored.set(a.id, structuredClone(toPut));
    return toPut;
  }),
  putAttemptAtExit: vi.fn((_db: unknown, a: PracticeAttempt, done: (ok: boolean) => void) => {
    atExit.push(structuredClone(a));
    stored.set(a.id, structuredClone(a));
    queueMicrotask(() => done(true));
    return true;
  }),
  getAttempt: vi.fn(async (_db: unknown, id: string) => stored.get(id) ?? null),
  allAttempts: vi.fn(async () => [...stored.values()]),
}));
vi.mock('../../src/storage/db.ts', () => ({ openPocketDb: async () => ({}), openedPocketDb: () => ({}) }));

const { currentAttempt, flush, fromOtherTab, leaving, openAttempt, saveState, update, sample } = await import('../../src/practice/attempt-store.ts');
const { nextStep, setAnswer, startAttempt, timeView } = await import('../../src/practice/attempt.ts');

const start = () =>
  startAttempt(
    { id: 'a1', meta: { id: 'p', title: 'Design a thing', part: 'prompts', family: 'search', hash: 'h' }, contentVersion: 'v', brief: 'B', rubric: [], length: 45 },
    sample(),
  );

afterEach(() => {
  vi.useRealTimers();
});

describe('the attempt store', () => {
  it('keeps answers in memory through a full disk, says so, and saves them when storage accepts', async () => {
    vi.useFakeTimers();
    failures = 2;
    let a = start();
    update(a, true);
    a = setAnswer(a, 1, 'Every word of a long answer. '.repeat(5000), Date.now());
    update(a);
    await vi.advanceTimersByTimeAsync(500);
    expect(saveState.get()).toMatchObject({ kind: 'failed' });
    expect((saveState.get() as { message: string }).message).toMatch(/out of storage space.*stay on this screen/);
    expect(currentAttempt.get()?.steps[0]!.answer).toBe(a.steps[0]!.answer);
    expect(stored.has('a1')).toBe(false);
    // Typed while failing: kept too.
    a = setAnswer(currentAttempt.get()!, 2, 'Second step', Date.now());
    update(a);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(saveState.get()).toEqual({ kind: 'saved' });
    expect(stored.get('a1')!.steps[0]!.answer).toBe(a.steps[0]!.answer);
    expect(stored.get('a1')!.steps[1]!.answer).toBe('Second step');
  });

  it('will not swap out an attempt whose words are not saved yet', async () => {
    vi.useFakeTimers();
    failures = 100;
    const a = setAnswer(start(), 1, 'Unsaved words', Date.now());
    update({ ...a, id: 'a3' }, true);
    await vi.advanceTimersByTimeAsync(100);
    await expect(openAttempt('a1')).rejects.toThrow(/not saved yet/);
    expect(currentAttempt.get()?.id).toBe('a3');
    failures = 0;
    await vi.advanceTimersByTimeAsync(5000);
    expect(stored.get('a3')!.steps[0]!.answer).toBe('Unsaved words');
    expect((await openAttempt('a1'))?.id).toBe('a1');
  });

  it('saves a running clock re-anchored, so a reload counts the time already spent', async () => {
    failures = 0;
    const a = start();
    update(a, true);
    await flush();
    const saved = stored.get('a1')!;
    expect(saved.clock.anchor).not.toBeNull();
    expect(timeView(saved, sample()).elapsedMs).toBeGreaterThanOrEqual(0);
    currentAttempt.set(null);
    expect((await openAttempt('a1'))?.id).toBe('a1');
  });

  it('two tabs on one attempt: a write never undoes what the other tab saved, and a message from it is taken at once', async () => {
    failures = 0;
    stored.clear();
    currentAttempt.set(null);
    const a = start();
    update(a, true);
    await flush();
    // Tab two (simulated: a write straight to storage) moves to step 2 and answers step 1.
    const other = nextStep(setAnswer(stored.get('a1')!, 1, 'From tab two', Date.now() + 5), sample());
    stored.set('a1', structuredClone(other));
    // This tab, still on its old copy (step 1), types into step 2's field of that copy.
    update(setAnswer(currentAttempt.get()!, 2, 'From tab one', Date.now()));
    await flush();
    const saved = stored.get('a1')!;
    expect(saved.currentStep).toBe(2);
    expect(saved.steps[0]!.answer).toBe('From tab two');
    expect(saved.steps[1]!.answer).toBe('From tab one');
    // What this tab shows is the merged attempt, not its stale copy.
    expect(currentAttempt.get()?.currentStep).toBe(2);
    expect(currentAttempt.get()?.steps[0]!.answer).toBe('From tab two');
    // A message from the other tab with a newer version replaces the copy here when nothing waits to be saved.
    fromOtherTab({ ...saved, steps: saved.steps.map((s) => (s.step === 2 ? { ...s, answer: 'Edited again in tab two' } : s)), updatedAt: saved.updatedAt + 10 });
    expect(currentAttempt.get()?.steps[1]!.answer).toBe('Edited again in tab two');
    // An older one is ignored.
    fromOtherTab({ ...saved, currentStep: 1, updatedAt: saved.updatedAt - 100 });
    expect(currentAttempt.get()?.currentStep).toBe(2);
  });

  it('as the page goes, what is not saved goes in one request, after aborting a write whose read is out', async () => {
    failures = 0;
    stored.clear();
    currentAttempt.set(null);
    const a = start();
    update(a, true);
    await flush();
    // A save is under way, its read still out (a reload began), and more was typed meanwhile.
    hang = true;
    update(setAnswer(currentAttempt.get()!, 1, 'Typed just before the reload', Date.now()), true);
    await new Promise((r) => setTimeout(r, 10));
    update(setAnswer(currentAttempt.get()!, 1, 'Typed just before the reload, and more', Date.now()));
    leaving();
    expect(aborted).toHaveBeenCalledTimes(1);
    expect(atExit.at(-1)!.steps[0]!.answer).toBe('Typed just before the reload, and more');
    expect(stored.get('a1')!.steps[0]!.answer).toBe('Typed just before the reload, and more');
    await new Promise((r) => setTimeout(r, 10));
    // The abort was the page's own doing: not reported as a failed save.
    expect(saveState.get()).toEqual({ kind: 'saved' });
    hang = false;
    // Nothing left to send: leaving again writes nothing.
    const sent = atExit.length;
    leaving();
    expect(atExit.length).toBe(sent);
  });
});
