import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Annotation } from '../annotations/types.ts';
import { COLOUR_NAMES } from '../highlights/colours.ts';
import { renderNote } from '../highlights/render-note.ts';
import { chapterPath } from '../shared/content-types.ts';
import { markMatches, splitMatches } from './match-marks.ts';
import { formatDay } from '../ui/dates.ts';

interface Props {
  a: Annotation;
  /** The quote with its block breaks (displayQuote). */
  quote: string | null;
  /** "Section › Subsection", or what a note is about. */
  where: string | null;
  /** Shown in date order, where the chapter is not a heading above. */
  chapterTitle: string | null;
  query: string;
}


/** One highlight or note: the quote (clamped, whole on request), the note as Markdown, where and when. */
export function NotebookEntry({ a, quote, where, chapterTitle, query }: Props) {
  const href = a.anchor ? `${chapterPath(a.chapterId)}#hl-${a.id}` : `${chapterPath(a.chapterId)}${a.sectionId ? `#${a.sectionId}` : ''}`;
  const [open, setOpen] = useState(false);
  const [clamped, setClamped] = useState(false);
  const quoteRef = useRef<HTMLQuoteElement>(null);
  useLayoutEffect(() => {
    const el = quoteRef.current;
    if (el && !open) setClamped(el.scrollHeight > el.clientHeight + 2);
  }, [quote, open]);
  const colour = a.colour ?? 'yellow';
  return (
    <div class="nb-entry">
      {a.anchor && quote !== null ? (
        <a class="nb-quote-link" href={href}>
          <blockquote ref={quoteRef} class={`nb-quote hl-${colour}${open ? ' open' : ''}`}>
            <span class="sr-only">{COLOUR_NAMES[colour]} highlight: </span>
            {splitMatches(quote, query).map((part, i) => (i % 2 ? <mark class="nb-match">{part}</mark> : part))}
          </blockquote>
        </a>
      ) : (
        <a class="nb-about" href={href}>
          {where ? `Note on “${where}”` : 'Note on the whole chapter'}
        </a>
      )}
      {(clamped || open) && (
        <button type="button" class="nb-more" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? 'Show less' : 'Show all'}
        </button>
      )}
      {a.note && <NoteBody markdown={a.note} query={query} />}
      <p class="meta nb-meta">
        {[chapterTitle, a.anchor ? where : null, formatDay(a.createdAt, { now: Date.now() })].filter(Boolean).join(' · ')}
      </p>
    </div>
  );
}

/** A note rendered from Markdown through the one sanitizer, search matches marked. */
function NoteBody({ markdown, query }: { markdown: string; query: string }) {
  const host = useRef<HTMLDivElement>(null);
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void renderNote(markdown).then((r) => {
      if (!live) return;
      if (r.kind === 'text') return setText(r.text);
      setText(null);
      const el = host.current;
      if (!el) return;
      el.innerHTML = r.html as unknown as string;
      markMatches(el, query);
    });
    return () => {
      live = false;
    };
  }, [markdown, query]);
  return text !== null ? <p class="nb-note plain">{text}</p> : <div class="nb-note md" ref={host} />;
}
