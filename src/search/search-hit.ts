import { paint, termRanges } from './text-ranges.ts';

/** How long the words a search matched stay marked after a result opens. */
export const HIT_MS = 4000;

/**
 * Marks a search result's words in the block it opened at (`?find=` terms, `#block`), or around
 * the highlight it names (`?hl=`), opening any recall card they sit in. Returns a cleanup.
 */
export function showSearchHit(host: HTMLElement, search: string, hash: string): () => void {
  const params = new URLSearchParams(search);
  const terms = new Set((params.get('find') ?? '').split(' ').filter(Boolean).slice(0, 12));
  const hl = params.get('hl');
  if (terms.size === 0 && !hl) return () => undefined;
  let timer = 0;
  let tries = 0;
  const run = () => {
    const mark = hl ? host.querySelector<HTMLElement>(`[data-annotation-id="${CSS.escape(hl)}"]`) : null;
    const id = hash ? decodeURIComponent(hash.slice(1)) : '';
    const target = mark ?? (id ? document.getElementById(id) : null);
    if (!target) {
      if (hl && tries++ < 20) timer = window.setTimeout(run, 100); // highlights paint just after the text
      return;
    }
    if (mark) mark.scrollIntoView({ block: 'center' });
    const ranges = scope(target).flatMap((el) => termRanges(el, terms));
    for (const r of ranges) r.startContainer.parentElement?.closest('details')?.setAttribute('open', '');
    paint('search-hit', ranges);
    timer = window.setTimeout(() => paint('search-hit', []), HIT_MS);
  };
  run();
  return () => {
    clearTimeout(timer);
    paint('search-hit', []);
  };
}

/** A heading stands for its section: itself and what follows up to the next heading. */
function scope(target: HTMLElement): HTMLElement[] {
  const block = target.closest('p, li, tr, table, blockquote, pre, figure, h1, h2, h3, h4') as HTMLElement | null ?? target;
  if (!/^H[1-4]$/.test(block.tagName)) return [block];
  const out: HTMLElement[] = [block];
  for (let el = block.nextElementSibling as HTMLElement | null; el && !/^H[1-4]$/.test(el.tagName); el = el.nextElementSibling as HTMLElement | null) out.push(el);
  return out;
}
