import { PART_TITLES } from '../app/guide.ts';
import { chapterPath, READING_PARTS, type ContentManifest, type Part } from '../shared/content-types.ts';
import type { ReadingProgress } from '../storage/schema.ts';
import { minutesLeftLabel, tally } from './progress-label.ts';

interface Props {
  manifest: ContentManifest;
  part: Part | null;
  progress: ReadonlyMap<string, ReadingProgress>;
  saved: ReadonlySet<string> | null;
}

/** Progress for the whole guide, chapters updated since read, what is on this device, and the part filters. */
export function LibraryOverview({ manifest, part, progress, saved }: Props) {
  const reading = manifest.chapters.filter((c) => READING_PARTS.includes(c.part));
  const all = tally(reading, progress);
  const onDevice = saved ? manifest.chapters.filter((c) => saved.has(c.id)).length : null;
  return (
    <>
      {onDevice !== null && onDevice < manifest.chapters.length && (
        <p class="notice warn saved-notice">
          {onDevice} of {manifest.chapters.length} chapters are on this device. The rest will be saved when you are back online; until then, chapters not saved yet open only with a connection.
        </p>
      )}
      <section class="guide-progress" aria-labelledby="guide-progress-h">
        <h2 id="guide-progress-h">Your progress</h2>
        <p class="meta">
          {all.read} of {all.total} chapters read · {minutesLeftLabel(all.minutesLeft)}
        </p>
        <span class="bar" aria-hidden="true">
          <span style={{ width: `${all.total ? Math.round((all.read / all.total) * 100) : 0}%` }} />
        </span>
        {all.updated.length > 0 && (
          <div class="updated-list">
            <p>Updated since you read {all.updated.length === 1 ? 'it' : 'them'}:</p>
            <ul>
              {all.updated.map((c) => (
                <li key={c.id}>
                  <a href={chapterPath(c.id)}>{c.title}</a>
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>
      <nav class="part-filters" aria-label="Filter by part">
        <a class="chip" href="/" aria-current={part === null ? 'page' : undefined}>
          All
        </a>
        {READING_PARTS.filter((p) => reading.some((c) => c.part === p)).map((p) => (
          <a key={p} class="chip" href={`/?part=${p}`} aria-current={part === p ? 'page' : undefined}>
            {PART_TITLES[p]}
          </a>
        ))}
      </nav>
    </>
  );
}

/** "3 of 7 read · 1 h 5 min left" for one part's heading. */
export function PartProgress({ chapters, progress }: { chapters: Parameters<typeof tally>[0]; progress: ReadonlyMap<string, ReadingProgress> }) {
  const t = tally(chapters, progress);
  return (
    <p class="meta part-progress">
      {t.read} of {t.total} read · {minutesLeftLabel(t.minutesLeft)}
    </p>
  );
}
