import { describe, expect, it } from 'vitest';
import { chapterIndex, displayQuote, sectionAt } from '../../src/notebook/chapter-index.ts';
import type { TreeNode } from '../../src/shared/content-types.ts';
import { treeText } from '../../src/shared/tree-text.ts';

const body: TreeNode[] = [
  ['h1', null, 'Title'],
  ['p', { id: 'intro-p1' }, 'Opening words.'],
  ['h2', { id: 'one' }, 'One'],
  ['p', { id: 'one-p1' }, 'Say it once and ', ['em', null, 'come back.']],
  ['p', { id: 'one-p2' }, 'If introductions run long, cut them.'],
  ['h3', { id: 'deeper' }, 'Deeper'],
  ['ul', null, ['li', null, 'First item'], ['li', null, 'Second item']],
  ['h2', { id: 'two' }, 'Two'],
  ['p', null, 'Last.'],
];
const text = treeText(body);
const index = chapterIndex(body);

describe('a chapter index for the notebook (pure)', () => {
  it('keeps the break between two paragraphs in the quote shown and exported', () => {
    const start = text.indexOf('come back.');
    const exact = text.slice(start, text.indexOf('run long'));
    expect(exact).toBe('come back.If introductions ');
    expect(displayQuote(exact, start, index)).toBe('come back.\nIf introductions ');
    const items = text.slice(text.indexOf('First'), text.indexOf('Second') + 6);
    expect(displayQuote(items, text.indexOf('First'), index)).toBe('First item\nSecond');
    // Inside one block (even across inline tags) nothing changes.
    const inline = text.slice(text.indexOf('once'), text.indexOf('back.') + 5);
    expect(displayQuote(inline, text.indexOf('once'), index)).toBe(inline);
    expect(displayQuote('x', 0, null)).toBe('x');
  });
  it('finds the section and subsection a passage is in', () => {
    expect(sectionAt(index, text.indexOf('Opening'))).toEqual({ section: null, sectionTitle: null, sub: null });
    expect(sectionAt(index, text.indexOf('If intro'))).toEqual({ section: 'one', sectionTitle: 'One', sub: null });
    expect(sectionAt(index, text.indexOf('Second'))).toEqual({ section: 'one', sectionTitle: 'One', sub: 'Deeper' });
    expect(sectionAt(index, text.indexOf('Last'))).toMatchObject({ section: 'two' });
  });
});
