import { onDbEvents } from '../storage/db.ts';
import { FAILURE_TEXT } from '../storage/errors.ts';
import { createStore } from '../ui/store.ts';

/** A storage failure the reader must know about, in words (null when all is well). */
export const storageProblem = createStore<string | null>(null);

export function watchStorage(): void {
  onDbEvents({
    onVersionChange: () => storageProblem.set(FAILURE_TEXT.version),
    onBlocked: () => storageProblem.set(FAILURE_TEXT.blocked),
    onTerminated: () => storageProblem.set(FAILURE_TEXT.closed),
  });
}
