import { createStore } from '../ui/store.ts';

/** Which annotation the side panel shows (null: closed); `focusNote` opens the editor ready to type. */
export const openAnnotation = createStore<{ id: string; focusNote: boolean } | null>(null);

/** The last destructive action, undoable for a few seconds. */
export const undoAction = createStore<{ message: string; undo: () => void } | null>(null);
