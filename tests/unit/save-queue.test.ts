import { describe, expect, it, vi } from 'vitest';
import { createSaveQueue, type QueueState, type SaveTarget } from '../../src/annotations/save-queue.ts';
import type { Annotation } from '../../src/annotations/types.ts';
import { StorageFailure } from '../../src/storage/errors.ts';

const ann = (id: string, note = '', updatedAt = 1): Annotation => ({
  id, chapterId: 'evaluate', anchor: null, sectionId: null, colour: 'yellow', note,
  contentVersion: 'v1', chapterHash: 'h1', status: 'anchored', createdAt: 1, updatedAt,
});

function fakeTarget(failures: number) {
  const stored = new Map<string, Annotation>();
  let fail = failures;
  const target: SaveTarget = {
    save: vi.fn(async (a: Annotation) => {
      if (fail-- > 0) throw new StorageFailure('quota', 'full');
      stored.set(a.id, a);
      return { record: a };
    }),
    remove: vi.fn(async (id: string) => {
      if (fail-- > 0) throw new StorageFailure('quota', 'full');
      stored.delete(id);
    }),
  };
  return { target, stored };
}

describe('the save queue', () => {
  it('writes at once when storage accepts', async () => {
    const { target, stored } = fakeTarget(0);
    const q = createSaveQueue(target);
    q.put(ann('a'), null);
    await q.flush();
    expect(stored.get('a')).toEqual(ann('a'));
    expect(q.state()).toEqual({ kind: 'idle' });
  });

  it('keeps a highlight in memory through a quota error, reports it, and retries until it is durable', async () => {
    vi.useFakeTimers();
    try {
      const { target, stored } = fakeTarget(2);
      const states: QueueState['kind'][] = [];
      const q = createSaveQueue(target, { onState: (s) => states.push(s.kind) }, 1000);
      q.put(ann('a', 'my note'), null);
      await vi.advanceTimersByTimeAsync(0);
      expect(q.state().kind).toBe('failing');
      expect(q.pending('a')).toEqual(ann('a', 'my note'));
      expect(stored.size).toBe(0);
      await vi.advanceTimersByTimeAsync(1000);
      await vi.advanceTimersByTimeAsync(1000);
      expect(stored.get('a')?.note).toBe('my note');
      expect(q.pending('a')).toBeUndefined();
      expect(q.state()).toEqual({ kind: 'idle' });
      expect(states).toContain('failing');
    } finally {
      vi.useRealTimers();
    }
  });

  it('coalesces edits, keeps the first base, and applies a delete after a put', async () => {
    const { target, stored } = fakeTarget(1);
    const q = createSaveQueue(target, {}, 60_000);
    const first = ann('a', '', 1);
    q.put(ann('a', 'one', 2), first);
    await Promise.resolve();
    q.put(ann('a', 'one two', 3), ann('a', 'one', 2));
    q.put(ann('b'), null);
    await q.flush();
    expect(target.save).toHaveBeenLastCalledWith(ann('b'), null);
    expect(vi.mocked(target.save).mock.calls.find((c) => c[0].note === 'one two')?.[1]).toBe(first);
    expect(stored.get('a')?.note).toBe('one two');
    q.remove('a');
    await q.flush();
    expect(stored.has('a')).toBe(false);
    expect(stored.has('b')).toBe(true);
  });

  it('an edit made while the previous one was being written is based on that written text', async () => {
    const calls: [string, string | null][] = [];
    let release: () => void = () => undefined;
    const target: SaveTarget = {
      save: async (a, base) => {
        calls.push([a.note, base?.note ?? null]);
        if (calls.length === 1) await new Promise<void>((r) => (release = r));
        // The store merged another tab's words into the first write.
        return { record: calls.length === 1 ? { ...a, note: `${a.note} (theirs)`, updatedAt: a.updatedAt + 5 } : a };
      },
      remove: async () => undefined,
    };
    const q = createSaveQueue(target);
    q.put(ann('a', 'mine', 2), ann('a', '', 1));
    await Promise.resolve();
    q.put(ann('a', 'mine more', 3), ann('a', 'mine', 2));
    expect(q.size()).toBe(1);
    release();
    await q.flush();
    expect(calls).toEqual([['mine', ''], ['mine more', 'mine']]);
    expect(q.size()).toBe(0);
  });

  it('as the page goes, every pending change and any made after goes in one request; a save cut short is no failure', async () => {
    const sent: string[] = [];
    const landed: Array<(ok: boolean) => void> = [];
    let cut: (e: unknown) => void = () => undefined;
    const states: QueueState['kind'][] = [];
    const saved: string[] = [];
    const target: SaveTarget = {
      // An edit reads first: its answer never comes while the page goes (until it is aborted).
      save: () => new Promise((_, reject) => (cut = reject)),
      remove: async () => undefined,
      saveAtExit: (a, done) => (sent.push(a.note), landed.push(done), true),
    };
    const q = createSaveQueue(target, { onState: (st) => states.push(st.kind), onSaved: (r) => saved.push(r.note) });
    q.put(ann('a', 'edited', 2), ann('a', 'first', 1));
    q.put(ann('b', 'new'), null);
    await Promise.resolve();
    q.leave();
    expect(sent).toEqual(['edited', 'new']);
    // The save under way is aborted (storage's doing, as the last requests go): not reported as failing.
    cut(new DOMException('aborted', 'AbortError'));
    await new Promise((r) => setTimeout(r, 0));
    expect(states).not.toContain('failing');
    // A note's last words, flushed by a later pagehide listener, go the same way.
    q.put(ann('c', 'last words', 2), ann('c', '', 1));
    expect(sent).toEqual(['edited', 'new', 'last words']);
    expect(q.size()).toBe(3);
    for (const done of landed) done(true);
    expect(q.size()).toBe(0);
    expect(saved).toEqual(['edited', 'new', 'last words']);
    expect(states.at(-1)).toBe('idle');
  });

  it('keeps a change whose last request failed, and saves it as usual when the page is shown again', async () => {
    const { target, stored } = fakeTarget(0);
    const exits: Array<(ok: boolean) => void> = [];
    const q = createSaveQueue({ ...target, saveAtExit: (_a, done) => (exits.push(done), true) });
    q.leave();
    q.put(ann('a', 'kept'), null);
    exits[0]!(false);
    expect(q.size()).toBe(1);
    q.back();
    await q.flush();
    expect(stored.get('a')?.note).toBe('kept');
    expect(q.size()).toBe(0);
  });
});
