import type { Annotation } from './types.ts';

/** What the queue writes to: the storage layer in the app, a fake in tests. */
export interface SaveTarget {
  /** `base`: the version the edit started from (null for a new annotation). */
  save(a: Annotation, base: Annotation | null): Promise<{ record: Annotation }>;
  remove(id: string): Promise<void>;
}

type Op = { kind: 'put'; annotation: Annotation; base: Annotation | null } | { kind: 'delete'; id: string };

export type QueueState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'failing'; error: unknown; pending: number };

export interface SaveQueue {
  put(annotation: Annotation, base: Annotation | null): void;
  remove(id: string): void;
  /** Writes everything pending now (pagehide, Retry button). */
  flush(): Promise<void>;
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
    void flush();
  };

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
    if (ops.size === 0) return;
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
    pending(id) {
      const op = ops.get(id);
      return op ? (op.kind === 'put' ? op.annotation : 'deleted') : undefined;
    },
    state: () => current,
    size: () => ops.size,
  };
}
