/** Pure: `text` split around case-insensitive matches of `query` — odd indexes are the matches. */
export function splitMatches(text: string, query: string): string[] {
  const q = query.trim().toLowerCase();
  if (!q) return [text];
  const lower = text.toLowerCase();
  const out: string[] = [];
  let from = 0;
  for (let i = lower.indexOf(q); i >= 0; i = lower.indexOf(q, i + q.length)) {
    out.push(text.slice(from, i), text.slice(i, i + q.length));
    from = i + q.length;
  }
  out.push(text.slice(from));
  return out;
}

/** Wraps matches of `query` in the text of rendered HTML with <mark> (DOM calls only, no HTML). */
export function markMatches(root: HTMLElement, query: string): void {
  if (!query.trim()) return;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  for (const node of nodes) {
    const parts = splitMatches(node.data, query);
    if (parts.length < 2) continue;
    const frag = document.createDocumentFragment();
    parts.forEach((part, i) => {
      if (i % 2) {
        const m = document.createElement('mark');
        m.className = 'nb-match';
        m.textContent = part;
        frag.append(m);
      } else if (part) frag.append(part);
    });
    node.replaceWith(frag);
  }
}
