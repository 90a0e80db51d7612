import type { ComponentChildren } from 'preact';
import { PART_TITLES } from '../app/guide.ts';
import { FAMILIES, FAMILY_NAMES, type ChapterMeta, type Family } from '../shared/content-types.ts';
import type { ReadingProgress } from '../storage/schema.ts';
import { PartProgress } from './LibraryOverview.tsx';
import { ChapterTile } from './ChapterTile.tsx';
import { tally } from './progress-label.ts';
import './case-families.css';

interface Props {
  /** The case studies, in manifest (reading) order: by family, then simplest first. */
  chapters: ChapterMeta[];
  progress: ReadonlyMap<string, ReadingProgress>;
  saved: ReadonlySet<string> | null;
  /** Anything a tile shows under the summary (e.g. the chapter's card counts), as on other parts' tiles. */
  extra?: (c: ChapterMeta) => ComponentChildren;
}

/** The case-studies part of the library, one group per family in the order the guide teaches them. */
export function CaseFamilies({ chapters, progress, saved, extra }: Props) {
  const groups = FAMILIES.map((f) => ({ family: f as Family | null, items: chapters.filter((c) => c.family === f) }));
  const other = chapters.filter((c) => !c.family || !FAMILIES.includes(c.family));
  if (other.length) groups.push({ family: null, items: other });
  return (
    <section id="part-cases" class="part" aria-labelledby="part-cases-title">
      <h2 id="part-cases-title">{PART_TITLES.cases}</h2>
      <PartProgress chapters={chapters} progress={progress} />
      {groups
        .filter((g) => g.items.length)
        .map((g) => {
          const key = g.family ?? 'other';
          const t = tally(g.items, progress);
          return (
            <section key={key} id={`family-${key}`} class="case-family" aria-labelledby={`family-${key}-title`}>
              <h3 id={`family-${key}-title`}>
                {g.family ? FAMILY_NAMES[g.family] : 'Other case studies'}
                <span class="meta"> · {t.read} of {t.total} read</span>
              </h3>
              <ol class="chapter-list">
                {g.items.map((c) => (
                  <ChapterTile key={c.id} c={c} pr={progress.get(c.id)} saved={saved} extra={extra?.(c)} />
                ))}
              </ol>
            </section>
          );
        })}
    </section>
  );
}
