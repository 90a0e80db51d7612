import type { DOMPurify as Purifier } from 'dompurify';
import { trustedTypes } from './trusted-types.ts';

/**
 * The one way user-written HTML (rendered notes) reaches the DOM: DOMPurify, loaded on first
 * use so it never weighs on the first paint, behind the `mlsd-html` Trusted Types policy.
 */
export type SafeHtml = string & { readonly __safe: unique symbol };

let purifier: Promise<Purifier> | null = null;
let policy: { createHTML(s: string): unknown } | null = null;

/**
 * Notes are Markdown: keep what Markdown produces and nothing else. No ids or classes (a note
 * must not borrow the app's styles or anchors), no images, media, forms, SVG or MathML.
 */
const CONFIG = {
  ALLOWED_TAGS: [
    'p', 'br', 'hr', 'strong', 'b', 'em', 'i', 'del', 's', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a',
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'sup', 'sub', 'kbd', 'mark', 'span',
  ],
  ALLOWED_ATTR: ['href', 'title', 'colspan', 'rowspan', 'start'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
};

export async function loadSanitizer(): Promise<(dirty: string) => SafeHtml> {
  purifier ??= import('dompurify').then((m) => m.default);
  const p = await purifier;
  const clean = (dirty: string) => p.sanitize(dirty, CONFIG) as string;
  if (trustedTypes && !policy) policy = trustedTypes.createPolicy('mlsd-html', { createHTML: clean });
  return (dirty: string) => (policy ? policy.createHTML(dirty) : clean(dirty)) as SafeHtml;
}

/** Sanitizes HTML written by the user; the result may be assigned to innerHTML. */
export async function sanitize(dirty: string): Promise<SafeHtml> {
  return (await loadSanitizer())(dirty);
}
