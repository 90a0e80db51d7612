import { PART_TITLES } from '../app/guide.ts';
import { chapterPath, type ChapterMeta, type ContentManifest } from '../shared/content-types.ts';
import { X } from '../ui/icons.tsx';

interface Props {
  manifest: ContentManifest;
  meta: ChapterMeta;
  current: string | null;
  onClose: () => void;
}

/** This chapter's sections (the current one marked), then every chapter of the guide. */
export function Outline({ manifest, meta, current, onClose }: Props) {
  return (
    <div class="outline">
      <div class="outline-head">
        <p class="outline-title">{meta.title}</p>
        <button type="button" class="icon-btn outline-close" aria-label="Close contents" onClick={onClose}>
          <X aria-hidden="true" size={22} />
        </button>
      </div>
      <nav aria-label="Sections of this chapter">
        <ol class="sections">
          {meta.outline.map((s) => (
            <li key={s.id} class={`level-${s.level}`}>
              <a href={`#${s.id}`} aria-current={s.id === current ? 'location' : undefined} onClick={onClose}>
                {s.title}
              </a>
            </li>
          ))}
        </ol>
      </nav>
      <details class="all-chapters">
        <summary>All chapters</summary>
        <nav aria-label="All chapters">
          {(['start', 'framework', 'concepts', 'cases', 'glossary'] as const).map((part) => (
            <div key={part}>
              <p class="part-label">{PART_TITLES[part]}</p>
              <ol>
                {manifest.chapters
                  .filter((c) => c.part === part)
                  .map((c) => (
                    <li key={c.id}>
                      <a href={chapterPath(c.id)} aria-current={c.id === meta.id ? 'page' : undefined}>
                        {c.title}
                      </a>
                    </li>
                  ))}
              </ol>
            </div>
          ))}
        </nav>
      </details>
    </div>
  );
}
