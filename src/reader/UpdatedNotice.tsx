import { useEffect } from 'preact/hooks';
import type { OutlineEntry } from '../shared/content-types.ts';
import { INTRO } from './read-model.ts';

/** "Updated since you read it", with links to the sections that changed. */
export function UpdatedNotice({ changed, outline }: { changed: string[]; outline: OutlineEntry[] }) {
  const sections = changed.map((id) => outline.find((o) => o.id === id)).filter((o): o is OutlineEntry => !!o);
  return (
    <div class="notice updated-notice" role="note">
      <p>
        <strong>Updated since you read it.</strong>{' '}
        {sections.length === 0
          ? changed.includes(INTRO)
            ? 'The opening changed.'
            : 'Small changes only.'
          : `Changed: `}
        {sections.map((s, i) => (
          <span key={s.id}>
            {i > 0 ? ', ' : ''}
            <a href={`#${s.id}`}>{s.title}</a>
          </span>
        ))}
        {sections.length > 0 ? '.' : ''}
      </p>
    </div>
  );
}

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
