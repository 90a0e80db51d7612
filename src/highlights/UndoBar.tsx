import { useEffect } from 'preact/hooks';
import { useStore } from '../ui/store.ts';
import { undoAction } from './ui-state.ts';

const UNDO_MS = 8000;

/** "Highlight deleted — Undo" for a few seconds after a delete. */
export function UndoBar() {
  const action = useStore(undoAction);
  useEffect(() => {
    if (!action) return;
    const t = setTimeout(() => undoAction.set(null), UNDO_MS);
    return () => clearTimeout(t);
  }, [action]);
  if (!action) return null;
  return (
    <div class="status-card undo" role="status">
      <p>{action.message}</p>
      <button
        type="button"
        class="btn primary"
        onClick={() => {
          action.undo();
          undoAction.set(null);
        }}
      >
        Undo
      </button>
    </div>
  );
}
