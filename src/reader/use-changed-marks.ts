import { useEffect } from 'preact/hooks';

/** Marks the headings of changed sections in the chapter text (a data-ui badge: not chapter text). */
export function useChangedMarks(host: HTMLElement | null, changed: string[] | null): void {
  useEffect(() => {
    if (!host || !changed?.length) return;
    const badges: HTMLElement[] = [];
    for (const id of changed) {
      const h = host.querySelector<HTMLElement>(`h2[id="${CSS.escape(id)}"]`);
      if (!h) continue;
      h.classList.add('changed-section');
      const badge = document.createElement('span');
      badge.dataset.ui = '';
      badge.className = 'changed-badge';
      badge.textContent = 'Updated';
      h.append(badge);
      badges.push(badge);
    }
    return () => {
      badges.forEach((b) => {
        b.parentElement?.classList.remove('changed-section');
        b.remove();
      });
    };
  }, [host, changed?.join(',')]);
}
