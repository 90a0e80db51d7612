import { loadSanitizer, type SafeHtml } from '../content/sanitize.ts';
import { firstScreen, pieces } from './note-chunks.ts';

/** Where a preview is: drawing, done (nesting flattened or not), or shown as plain text because formatting failed. */
export type PreviewState = { kind: 'working' } | { kind: 'done'; capped: boolean } | { kind: 'failed' };

/** Work on the page's thread is handed back to the browser after about this long, so it can draw and take taps. */
const SLICE_MS = 12;

/** Lets the browser draw the frame that holds what was just inserted. */
const afterPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
/** Gives the browser one turn (input, rendering) before the next piece. */
const yieldToBrowser = (): Promise<void> => {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return s?.yield ? s.yield() : new Promise((resolve) => setTimeout(resolve, 0));
};

/**
 * A note's Markdown into `host`, first screen at once: the beginning of the note is formatted and
 * drawn, then the whole note is formatted in pieces (a few thousand characters each), every piece
 * through the one sanitizer (DOMPurify behind the `mlsd-html` Trusted Types policy). The first
 * piece replaces the beginning in one step; pieces of a long list go inside the same list element.
 * Nesting is limited before marked sees any text. Stops when `signal` aborts (the note changed or
 * left the screen). Reports `failed` when marked or the sanitizer throws; the caller shows plain text.
 */
export async function renderProgressively(
  host: HTMLElement,
  markdown: string,
  signal: AbortSignal,
  report: (state: PreviewState) => void,
): Promise<void> {
  try {
    const [{ Marked }, { limitNesting }, clean] = await Promise.all([import('marked'), import('./limit-nesting.ts'), loadSanitizer()]);
    if (signal.aborted) return;
    const md = new Marked({ gfm: true, breaks: true, async: false });
    const toHtml = (tokens: Parameters<typeof md.parser>[0]): SafeHtml => clean(md.parser(tokens));

    const start = firstScreen(markdown);
    const head = limitNesting(start);
    host.innerHTML = clean(md.parse(head.markdown) as string) as unknown as string;
    if (start.length === markdown.length) {
      report({ kind: 'done', capped: head.capped });
      return;
    }
    host.setAttribute('aria-busy', 'true');
    await afterPaint();
    if (signal.aborted) return;

    const whole = limitNesting(markdown);
    const all = pieces(md.lexer(whole.markdown));
    let slice = performance.now();
    const tpl = document.createElement('template');
    for (const [i, piece] of all.entries()) {
      tpl.innerHTML = toHtml(piece.tokens) as unknown as string;
      const list = host.lastElementChild;
      const part = tpl.content.firstElementChild;
      if (i === 0) host.replaceChildren(tpl.content);
      else if (piece.continuesList && part && list && part.tagName === list.tagName) list.append(...part.childNodes);
      else host.append(tpl.content);
      if (performance.now() - slice > SLICE_MS) {
        await yieldToBrowser();
        if (signal.aborted) return;
        slice = performance.now();
      }
    }
    host.removeAttribute('aria-busy');
    report({ kind: 'done', capped: head.capped || whole.capped });
  } catch {
    if (!signal.aborted) report({ kind: 'failed' });
  }
}
