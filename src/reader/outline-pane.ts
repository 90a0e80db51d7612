import { createStore } from '../ui/store.ts';

const KEY = 'mlsd-pocket:outline-pane';

/** Pure: whether the tablet's outline pane shows — the reader's last choice, else only in landscape. */
export function paneShown(saved: string | null, portrait: boolean): boolean {
  if (saved === 'shown') return true;
  if (saved === 'hidden') return false;
  return !portrait;
}

function saved(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

const portrait = () => typeof matchMedia === 'function' && matchMedia('(orientation: portrait)').matches;

/** The tablet outline pane: shown or hidden ("Hide contents" / "Show contents"), remembered. */
export const outlinePane = createStore<boolean>(paneShown(saved(), portrait()));

export function setOutlinePane(shown: boolean): void {
  outlinePane.set(shown);
  try {
    localStorage.setItem(KEY, shown ? 'shown' : 'hidden');
  } catch {
    // A comfort, not user data: the choice still holds for this session.
  }
}

/** Until the reader chooses, turning the tablet follows the default (portrait hides the pane). */
if (typeof matchMedia === 'function') {
  matchMedia('(orientation: portrait)').addEventListener?.('change', (e) => {
    if (saved() === null) outlinePane.set(paneShown(null, e.matches));
  });
}

/** Tablet layout: the outline is a pane beside the text (a drawer below this width). */
export const TABLET_QUERY = '(min-width: 768px)';
