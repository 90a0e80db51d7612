/** The `##` section a painted highlight sits in: the nearest h2 with an id before its block. */
export function sectionOfHighlight(highlightId: string): string | null {
  const mark = document.querySelector(`[data-annotation-id="${CSS.escape(highlightId)}"]`);
  const article = mark?.closest('article');
  if (!mark || !article) return null;
  let block: Element | null = mark;
  while (block && block.parentElement !== article) block = block.parentElement;
  for (let el = block; el; el = el.previousElementSibling) if (el.tagName === 'H2' && el.id) return el.id;
  return null;
}
