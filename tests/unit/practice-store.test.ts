import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PracticeAttempt } from '../../src/practice/types.ts';
import { StorageFailure } from '../../src/storage/errors.ts';

// The repository refuses the first writes (storage full), then accepts: nothing typed may be lost.
const stored = new Map<string, PracticeAttempt>();
let failures = 0;
vi.mock('../../src/storage/attempts-repo.ts', () => ({
  putAttempt: vi.fn(async (_db: unknown, a: PracticeAttempt) => {
    if (failures-- > 0) throw new StorageFailure('quota', 'This device is out of storage space.');
    stored.set(a.id, structuredClone(a));
  }),
  getAttempt: vi.fn(async (_db: unknown, id: string) => stored.get(id) ?? null),
  allAttempts: vi.fn(async () => [...stored.values()]),
}));
vi.mock('../../src/storage/db.ts', () => ({ openPocketDb: async () => ({}) }));

const { currentAttempt, flush, openAttempt, saveState, update, sample } = await import('../../src/practice/attempt-store.ts');
const { setAnswer, startAttempt, timeView } = await import('../../src/practice/attempt.ts');

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
});
