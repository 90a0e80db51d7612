import type { Annotation } from './types.ts';

/** What the queue writes to: the storage layer in the app, a fake in tests. */
export interface SaveTarget {
  /** `base`: the version the edit started from (null for a new annotation). */
  save(a: Annotation, base: Annotation | null): Promise<{ record: Annotation }>;
  remove(id: string): Promise<void>;
  /** As the page goes: one request that needs no answer (false: it could not be made). */
  saveAtExit?(a: Annotation, done: (ok: boolean) => void): boolean;
}

type Op = { kind: 'put'; annotation: Annotation; base: Annotation | null } | { kind: 'delete'; id: string };

export type QueueState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'failing'; error: unknown; pending: number };

export interface SaveQueue {
  put(annotation: Annotation, base: Annotation | null): void;
  remove(id: string): void;
  /** Writes everything pending now (the tab hidden, Retry button). */
  flush(): Promise<void>;
  /**
   * The page is going (pagehide): every pending change, and any made until `back()`, is written in
   * one request each that needs no answer (a save that reads first would never hear back).
   */
  leave(): void;
  /** The page is shown again (a back/forward cache): saving goes on as usual. */
  back(): void;
  /** The in-memory version of an annotation not yet durable, if any. */
  pending(id: string): Annotation | 'deleted' | undefined;
  state(): QueueState;
  /** How many changes wait in memory (not yet durable). */
  size(): number;
}

/**
 * Never drops a highlight: every change waits in memory until storage accepts it. A failure
 * (a full disk, a closed connection) keeps it queued, reports the state, and retries.
 */
export function createSaveQueue(
  target: SaveTarget,
  hooks: { onState?: (s: QueueState) => void; onSaved?: (record: Annotation) => void; onRemoved?: (id: string) => void } = {},
  retryMs = 4000,
): SaveQueue {
  const ops = new Map<string, Op>();
  let current: QueueState = { kind: 'idle' };
  let running: Promise<void> | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let leaving = false;
  const setState = (s: QueueState) => {
    current = s;
    hooks.onState?.(s);
  };

  const keyOf = (op: Op) => (op.kind === 'put' ? op.annotation.id : op.id);
  const enqueue = (op: Op) => {
    const prev = ops.get(keyOf(op));
    // Keep the base of the first unsaved edit: that is what the user's change started from.
    if (op.kind === 'put' && prev?.kind === 'put') op = { ...op, base: prev.base };
    ops.set(keyOf(op), op);
    if (leaving && atExit(keyOf(op), op)) return;
    void flush();
  };

  /** Sends a put as the page goes; it leaves the queue once it has landed. */
  const atExit = (id: string, op: Op): boolean =>
    op.kind === 'put' &&
    target.saveAtExit?.(op.annotation, (ok) => {
      if (!ok) return;
      if (ops.get(id) === op) ops.delete(id);
      hooks.onSaved?.(op.annotation);
      if (ops.size === 0 && current.kind !== 'failing') setState({ kind: 'idle' });
    }) === true;

  const runOnce = async () => {
    setState({ kind: 'saving' });
    for (const [id, op] of [...ops]) {
      try {
        if (op.kind === 'put') {
          const { record } = await target.save(op.annotation, op.base);
          if (ops.get(id) === op) ops.delete(id);
          else {
            // Edited again while saving: that edit grew from the text just written (not from a
            // merged record), so it is merged against it if the stored record moved on.
            const next = ops.get(id);
            if (next?.kind === 'put') ops.set(id, { ...next, base: { ...op.annotation, updatedAt: record.updatedAt } });
          }
          hooks.onSaved?.(record);
        } else {
          await target.remove(op.id);
          if (ops.get(id) === op) ops.delete(id);
          hooks.onRemoved?.(op.id);
        }
      } catch (error) {
        // Aborted as the page went: its change went in the page's last requests.
        if (leaving) return;
        setState({ kind: 'failing', error, pending: ops.size });
        timer ??= setTimeout(() => {
          timer = null;
          void flush();
        }, retryMs);
        return;
      }
    }
    setState(ops.size ? { kind: 'saving' } : { kind: 'idle' });
  };

  const flush = async (): Promise<void> => {
    while (running) await running;
    // As the page goes, changes go in its last requests (`leave`), not through a read that never answers.
    if (ops.size === 0 || leaving) return;
    running = runOnce().finally(() => {
      running = null;
    });
    await running;
    if (ops.size && current.kind !== 'failing') await flush();
  };

  return {
    put: (annotation, base) => enqueue({ kind: 'put', annotation, base }),
    remove: (id) => enqueue({ kind: 'delete', id }),
    flush,
    leave() {
      leaving = true;
      for (const [id, op] of ops) atExit(id, op);
    },
    back() {
      leaving = false;
      void flush();
    },
    pending(id) {
      const op = ops.get(id);
      return op ? (op.kind === 'put' ? op.annotation : 'deleted') : undefined;
    },
    state: () => current,
    size: () => ops.size,
  };
}
