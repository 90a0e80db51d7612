import { Check } from '../ui/icons.tsx';
import type { ReadState } from './use-read-state.ts';

/** "Mark as read" / "Mark as unread" at the end of a chapter, with the chapter's read state. */
export function ReadMark({ state }: { state: ReadState }) {
  return (
    <div class="read-mark">
      <p class="meta">{state.read ? 'You have read this chapter.' : 'A chapter counts as read once its sections have been on screen for a while.'}</p>
      <button type="button" class="btn" onClick={state.toggle}>
        {state.read && <Check aria-hidden="true" size={18} />}
        {state.read ? 'Mark as unread' : 'Mark as read'}
      </button>
    </div>
  );
}
