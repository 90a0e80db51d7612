import { chapterById } from '../app/guide.ts';
import type { ContentManifest } from '../shared/content-types.ts';
import { formatCount } from '../ui/numbers.ts';
import type { DocKind, SearchHit } from './doc-types.ts';
import { Marked } from './Marked.tsx';
import { groupByChapter, hitHref } from './result-groups.ts';

const KIND_LABEL: Record<DocKind, string | null> = { guide: null, glossary: 'Glossary', note: 'Your note', card: 'Card' };

const more = (n: number) => `${formatCount(n)} more ${n === 1 ? 'result' : 'results'} in this chapter`;

/**
 * The results, grouped by chapter in reading order, each linking to its exact block; a chapter
 * with more results than shown says how many (the engine keeps one chapter from flooding the list).
 */
export function SearchResults({ hits, more: moreBy, manifest, onOpen }: { hits: SearchHit[]; more: Record<string, number>; manifest: ContentManifest; onOpen: (href: string) => void }) {
  return (
    <div class="search-results">
      {groupByChapter(hits).map((g) => (
        <section class="search-group" key={g.chapterId ?? 'own'} aria-labelledby={`sg-${g.chapterId ?? 'own'}`}>
          <h2 id={`sg-${g.chapterId ?? 'own'}`}>{g.chapterId ? (chapterById(manifest, g.chapterId)?.title ?? 'A chapter') : 'Your cards'}</h2>
          <ul>
            {g.hits.map((h) => (
              <li key={h.id}>
                <a class="tile search-hit" href={hitHref(h)} onClick={() => onOpen(hitHref(h))}>
                  <span class="search-where">
                    {KIND_LABEL[h.kind] && <span class="search-kind">{KIND_LABEL[h.kind]}</span>}
                    {h.title && h.title !== h.snippet ? h.title : h.sectionTitle}
                  </span>
                  <span class="search-snippet">
                    <Marked text={h.snippet} marks={h.marks} />
                  </span>
                </a>
              </li>
            ))}
          </ul>
          {(moreBy[g.chapterId ?? ''] ?? 0) > 0 && <p class="search-more-in">{more(moreBy[g.chapterId ?? '']!)}</p>}
        </section>
      ))}
    </div>
  );
}
