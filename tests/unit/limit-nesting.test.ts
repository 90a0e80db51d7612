import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { limitNesting, MAX_DEPTH } from '../../src/highlights/limit-nesting.ts';

const parse = (md: string) => marked.parse(md, { async: false, gfm: true, breaks: true }) as string;
const count = (html: string, tag: string) => html.split(`<${tag}>`).length - 1;

describe('Markdown nesting is limited before marked sees a note', () => {
  it('a note of thousands of nested ">" overflows marked on its own', () => {
    expect(() => parse(`${'>'.repeat(5000)} deep`)).toThrow(RangeError);
  });

  it('is flattened to MAX_DEPTH quotes and renders, keeping the words', () => {
    const r = limitNesting(`${'>'.repeat(5000)} deep words\n${'> '.repeat(3000)}more`);
    expect(r.capped).toBe(true);
    const html = parse(r.markdown);
    expect(count(html, 'blockquote')).toBeLessThanOrEqual(MAX_DEPTH);
    expect(html).toContain('deep words');
    expect(html).toContain('more');
  });

  it('caps deep list indentation and runaway emphasis', { timeout: 30_000 }, () => {
    const list = Array.from({ length: 3000 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n');
    const r = limitNesting(list);
    expect(r.capped).toBe(true);
    const html = parse(r.markdown);
    expect(html).toContain('item 2999');
    const emph = limitNesting(`${'*a '.repeat(20000)}`);
    expect(emph.capped).toBe(true);
    expect(() => parse(emph.markdown)).not.toThrow();
  });

  it('leaves an ordinary note alone', () => {
    const md = '> quoted\n\n- one\n  - two\n\n**bold** and _em_ and ~~gone~~';
    expect(limitNesting(md)).toEqual({ markdown: md, capped: false });
  });
});
