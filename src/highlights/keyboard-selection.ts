/**
 * Selecting text without a pointer: Shift+arrows extend the selection inside the chapter
 * (Ctrl/Alt+Shift by word, Up/Down by line), starting at the top of the first block on screen;
 * Enter with a selection moves focus to the selection toolbar.
 */
type Modifiable = Selection & { modify?: (alter: 'extend' | 'move', direction: 'forward' | 'backward', granularity: 'character' | 'word' | 'line') => void };

export function enableKeyboardSelection(host: HTMLElement, focusToolbar: () => void): () => void {
  const onKey = (e: KeyboardEvent) => {
    const sel = getSelection() as Modifiable | null;
    if (!sel) return;
    if (e.key === 'Enter' && !sel.isCollapsed && host.contains(sel.anchorNode)) {
      e.preventDefault();
      focusToolbar();
      return;
    }
    if (!e.shiftKey || !sel.modify) return;
    const dir = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 'forward' : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? 'backward' : null;
    if (!dir) return;
    e.preventDefault();
    if (!sel.rangeCount || !host.contains(sel.anchorNode)) {
      const first = firstVisibleText(host);
      if (!first) return;
      sel.collapse(first, 0);
    }
    const granularity = e.key === 'ArrowUp' || e.key === 'ArrowDown' ? 'line' : e.ctrlKey || e.altKey ? 'word' : 'character';
    sel.modify('extend', dir, granularity);
  };
  host.addEventListener('keydown', onKey);
  return () => host.removeEventListener('keydown', onKey);
}

function firstVisibleText(host: HTMLElement): Text | null {
  const walker = document.createTreeWalker(host, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    if (!n.data.trim() || n.parentElement?.closest('[data-ui], svg')) continue;
    if ((n.parentElement?.getBoundingClientRect().bottom ?? 0) > 60) return n;
  }
  return null;
}
