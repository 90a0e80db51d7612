import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { settleAfter } from '../../src/ui/settle.ts';

describe('settleAfter: one timer for a burst of pokes', () => {
  beforeEach(() => void vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] }));
  afterEach(() => void vi.useRealTimers());

  it('runs once, the given time after the last poke', () => {
    const fn = vi.fn();
    const s = settleAfter(300, fn);
    for (let i = 0; i < 10; i++) (s.poke(), vi.advanceTimersByTime(100));
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(199);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(2);
    expect(fn).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('keeps at most one timer however many pokes come', () => {
    const s = settleAfter(300, () => {});
    for (let i = 0; i < 50; i++) s.poke();
    expect(vi.getTimerCount()).toBe(1);
  });

  it('stop drops a pending call; a later poke starts again', () => {
    const fn = vi.fn();
    const s = settleAfter(300, fn);
    s.poke();
    s.stop();
    vi.advanceTimersByTime(1000);
    expect(fn).not.toHaveBeenCalled();
    s.poke();
    vi.advanceTimersByTime(301);
    expect(fn).toHaveBeenCalledTimes(1);
  });
});
