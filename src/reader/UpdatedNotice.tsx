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
