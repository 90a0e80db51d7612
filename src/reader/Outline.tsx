import { PART_TITLES } from '../app/guide.ts';
import { chapterPath, READING_PARTS, type ChapterMeta, type ContentManifest } from '../shared/content-types.ts';
import { useEffect, useRef } from 'preact/hooks';
import { X } from '../ui/icons.tsx';

interface Props {
  manifest: ContentManifest;
  meta: ChapterMeta;
  current: string | null;
  /** Sections changed since the reader read the chapter (marked "updated"). */
  changed?: string[] | null;
  /** The outline is on screen (pane shown or drawer open): bring the current section into view. */
  shown: boolean;
  onClose: () => void;
}

/** This chapter's sections (the current one marked), then every chapter of the guide. */
export function Outline({ manifest, meta, current, changed, shown, onClose }: Props) {
  const root = useRef<HTMLDivElement>(null);
  // The pane follows the reader: the current section stays in view inside it (the page never scrolls for it).
  useEffect(() => {
    const pane = root.current?.parentElement;
    const link = root.current?.querySelector<HTMLElement>('.sections [aria-current]');
    if (!pane || !link || pane.scrollHeight <= pane.clientHeight) return;
    const p = pane.getBoundingClientRect();
    const l = link.getBoundingClientRect();
    if (l.top < p.top + 8 || l.bottom > p.bottom - 8) pane.scrollTop += l.top - p.top - p.height / 3;
  }, [current, shown]);
  return (
    <div class="outline" ref={root}>
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
                {changed?.includes(s.id) && <span class="changed-badge"> Updated</span>}
              </a>
            </li>
          ))}
        </ol>
      </nav>
      <details class="all-chapters">
        <summary>All chapters</summary>
        <nav aria-label="All chapters">
          {READING_PARTS.map((part) => (
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
