import { topBarHidden } from '../app/chrome.ts';
import { List } from '../ui/icons.tsx';
import { useStore } from '../ui/store.ts';

interface Props {
  title: string;
  section: string | null;
  fraction: number;
  /** Tablet: the outline is a pane (Hide/Show contents); phone: a drawer (Contents). */
  wide: boolean;
  paneShown: boolean;
  drawerOpen: boolean;
  onContents: () => void;
}

/**
 * The reader's bar: returns with the top bar on scroll-up anywhere in a chapter, with the chapter
 * title, the current section and the contents; a thin line above everything shows how far through.
 */
export function ReaderBar({ title, section, fraction, wide, paneShown, drawerOpen, onContents }: Props) {
  const hidden = useStore(topBarHidden);
  const label = wide ? (paneShown ? 'Hide contents' : 'Show contents') : 'Contents';
  return (
    <>
      <div class="progress-line" aria-hidden="true">
        <span style={{ transform: `scaleX(${fraction})` }} />
      </div>
      <div class={`reader-bar${hidden ? ' hidden' : ''}`}>
        <p class="rb-text">
          <span class="rb-title">{title}</span>
          {section && <span class="rb-section">{section}</span>}
        </p>
        <button type="button" class="btn rb-contents" aria-expanded={wide ? paneShown : drawerOpen} tabIndex={hidden ? -1 : undefined} onClick={onContents}>
          <List aria-hidden="true" size={18} /> {label}
        </button>
      </div>
    </>
  );
}
