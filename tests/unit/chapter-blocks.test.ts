import { describe, expect, it } from 'vitest';
import { blockIndexOf, estimateHeight, textLength } from '../../src/reader/chapter-blocks.ts';
import type { TreeNode } from '../../src/shared/content-types.ts';
import { treeText } from '../../src/shared/tree-text.ts';

const body: TreeNode[] = [
  ['h1', { id: 'title' }, 'A title'],
  '\n',
  ['p', { id: 'intro-p1' }, 'Some ', ['em', null, 'short'], ' text.'],
  ['h2', { id: 'serving' }, 'Serving'],
  ['ul', null, ['li', { id: 'serving-p2' }, 'one'], ['li', null, ['a', { href: '#x', id: 'deep' }, 'two']]],
  ['div', { class: 'table-scroll' }, ['table', { id: 'serving-p3' }, ['tr', null, ['td', null, 'cell']]]],
];

describe('chapter blocks (what the reader draws first)', () => {
  it('finds the top-level block that holds an id, at any depth', () => {
    expect(blockIndexOf(body, 'title')).toBe(0);
    expect(blockIndexOf(body, 'serving')).toBe(3);
    expect(blockIndexOf(body, 'serving-p2')).toBe(4);
    expect(blockIndexOf(body, 'deep')).toBe(4);
    expect(blockIndexOf(body, 'serving-p3')).toBe(5);
  });

  it('finds nothing for an id the chapter does not have, or no id', () => {
    expect(blockIndexOf(body, 'missing')).toBe(-1);
    expect(blockIndexOf(body, '')).toBe(-1);
    expect(blockIndexOf([], 'title')).toBe(-1);
  });

  it('counts the same characters as the chapter text', () => {
    expect(body.reduce((n, b) => n + textLength(b), 0)).toBe(treeText(body).length);
    expect(textLength(body[2]!)).toBe('Some short text.'.length);
  });

  it('estimates more room for more text, a line at least per block, and none for blank text', () => {
    const p = (chars: number): TreeNode => ['p', null, 'x'.repeat(chars)];
    expect(estimateHeight([p(40)], 40, 30)).toBe(48);
    expect(estimateHeight([p(41)], 40, 30)).toBe(78);
    expect(estimateHeight([p(0)], 40, 30)).toBe(48);
    expect(estimateHeight(['\n', '  '], 40, 30)).toBe(0);
    expect(estimateHeight([p(400), p(400)], 40, 30)).toBe(2 * estimateHeight([p(400)], 40, 30));
  });
});
