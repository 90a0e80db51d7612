import { useEffect } from 'preact/hooks';
import { useLocation } from '../app/router.ts';
import type { ContentManifest } from '../shared/content-types.ts';
import { FindInChapter } from './FindInChapter.tsx';
import { GlossaryTools } from './GlossaryTools.tsx';
import { showSearchHit } from './search-hit.ts';
import { TermPopover } from './TermPopover.tsx';
import './chapter-tools.css';

/**
 * Search's part of the reader, mounted by ChapterView as one component: "Find in chapter", a
 * search result's words marked where it opened, the term popover, and (in the glossary) the
 * filter and A–Z index. `host` is the chapter's text once it is in the DOM.
 */
export function ChapterTools({ host, manifest, id }: { host: HTMLElement | null; manifest: ContentManifest; id: string }) {
  const loc = useLocation();
  const glossary = manifest.chapters.find((c) => c.id === id)?.part === 'glossary';
  useEffect(() => (host ? showSearchHit(host, loc.search, loc.hash) : undefined), [host, loc.seq]);
  return (
    <>
      <FindInChapter host={host} />
      {glossary && <GlossaryTools host={host} />}
      {!glossary && <TermPopover host={host} manifest={manifest} />}
    </>
  );
}
