import type { ComponentChildren } from 'preact';
import { chapterPath, type ChapterMeta } from '../shared/content-types.ts';
import type { ReadingProgress } from '../storage/schema.ts';
import { chapterShare, progressLabel } from './progress-label.ts';

/** One chapter in the library: title (with its step), summary, `extra` (card counts), reading time, progress. */
export function ChapterTile({ c, pr, saved, extra }: { c: ChapterMeta; pr: ReadingProgress | undefined; saved: ReadonlySet<string> | null; extra?: ComponentChildren }) {
  return (
    <li>
      <a href={chapterPath(c.id)} class="tile chapter-link">
        <span class="chapter-title">
          {c.step ? <span class="step">Step {c.step}</span> : null}
          {c.title}
        </span>
        <span class="summary">{c.summary}</span>
        {extra}
        <span class="meta">
          <span class="nowrap">{c.minutes} min</span> · {progressLabel(pr, c)}
          {saved && !saved.has(c.id) ? ' · Not on this device yet' : ''}
        </span>
        {pr ? (
          <span class="bar" aria-hidden="true">
            <span style={{ width: `${Math.round(chapterShare(pr, c) * 100)}%` }} />
          </span>
        ) : null}
      </a>
    </li>
  );
}
