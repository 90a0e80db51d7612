import { createStore, type Store } from '../ui/store.ts';

/** A sentence to show while changes wait in memory because storage refused them (the status bar reads it without loading the store). */
export const saveProblem: Store<string | null> = createStore<string | null>(null);
