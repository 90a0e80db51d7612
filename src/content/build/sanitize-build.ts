import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import type { TreeNode } from '../../shared/content-types.ts';
import { domToTree } from './tree.ts';

const { window } = new JSDOM('');
const purify = createDOMPurify(window as unknown as Window & typeof globalThis);

/** Build-time sanitising of the guide's HTML with DOMPurify (in jsdom), straight into a tree. */
export function sanitizeToTree(html: string): TreeNode[] {
  const fragment = purify.sanitize(html, {
    RETURN_DOM_FRAGMENT: true,
    // Our own ids must survive: they are anchors and highlight targets.
    SANITIZE_DOM: false,
    ADD_ATTR: ['marker-end', 'aria-labelledby', 'tabindex'],
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'img', 'iframe'],
  });
  return domToTree(fragment as unknown as Parameters<typeof domToTree>[0]);
}
