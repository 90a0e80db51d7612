import { sanitize, type SafeHtml } from '../content/sanitize.ts';

/** A note ready to show: formatted, or (when formatting failed) its plain text with a notice. */
export type RenderedNote = { kind: 'html'; html: SafeHtml; capped: boolean } | { kind: 'text'; text: string };

/**
 * A note's Markdown as safe HTML: marked, DOMPurify and the nesting limiter load on first use, never at start-up.
 * Nesting is limited first; any error while formatting shows the note as plain text instead.
 */
export async function renderNote(markdown: string): Promise<RenderedNote> {
  try {
    const [{ marked }, { limitNesting }] = await Promise.all([import('marked'), import('./limit-nesting.ts')]);
    const limited = limitNesting(markdown);
    const html = await marked.parse(limited.markdown, { async: true, gfm: true, breaks: true });
    return { kind: 'html', html: await sanitize(html), capped: limited.capped };
  } catch {
    return { kind: 'text', text: markdown };
  }
}
