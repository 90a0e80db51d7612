import { render, type VNode } from 'preact';

/**
 * Draws `ui` in a `data-ui` box inside a chapter's body (highlight offsets and Find in chapter skip
 * such boxes), where `place` puts it; when the reader rebuilds the body (a content update), the box
 * is put back in the new one. Returns the clean-up for an effect.
 */
export function mountInChapter(host: HTMLElement, name: string, place: (box: HTMLElement) => void, ui: VNode): () => void {
  const box = document.createElement('div');
  box.dataset.ui = name;
  place(box);
  render(ui, box);
  const watch = new MutationObserver(() => {
    if (!box.isConnected) place(box);
  });
  watch.observe(host, { childList: true });
  return () => {
    watch.disconnect();
    render(null, box);
    box.remove();
  };
}
