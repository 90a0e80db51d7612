import { sanitize, type SafeHtml } from '../content/sanitize.ts';

/** A note's Markdown as safe HTML: marked and DOMPurify load on first use, never at start-up. */
export async function renderNote(markdown: string): Promise<SafeHtml> {
  const { marked } = await import('marked');
  const html = await marked.parse(markdown, { async: true, gfm: true, breaks: true });
  return sanitize(html);
}
