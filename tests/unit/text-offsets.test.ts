import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { chapterText, offsetsFromRange, rangeFromOffsets, textNodes, textOffsetOf } from '../../src/annotations/text-offsets.ts';
import { treeText } from '../../src/content/build/tree.ts';
import { treeToDom } from '../../src/content/tree-to-dom.ts';
import type { TreeNode } from '../../src/shared/content-types.ts';

const TREE: TreeNode[] = [
  ['h2', { id: 'why' }, 'Why a funnel'],
  ['p', { id: 'why-p1' }, 'No recommender scores its ', ['em', null, 'whole'], ' catalogue.'],
  ['figure', { id: 'why-p2' }, ['svg', { viewBox: '0 0 10 10' }, ['text', null, 'light ranker']], ['figcaption', null, 'The funnel']],
  ['ul', null, ['li', { id: 'why-p3' }, 'Quotas: ', ['strong', null, '1,200'], ' items.'], ['li', { id: 'why-p4' }, 'Filters.']],
];
const TEXT = treeText(TREE);
const idx = (s: string) => {
  const i = TEXT.indexOf(s);
  if (i === -1 || TEXT.indexOf(s, i + 1) !== -1) throw new Error(`"${s}" is not unique in the test text`);
  return i;
};

/** The chapter rendered by the real tree renderer, plus app controls marked data-ui, between other page parts. */
function setup() {
  const { window } = new JSDOM('<!doctype html><body><nav id="nav">Library</nav><article id="chapter"></article><footer>End</footer></body>');
  const doc = window.document;
  const root = doc.getElementById('chapter')!;
  root.append(treeToDom(TREE, doc));
  const button = doc.createElement('button');
  button.dataset.ui = 'zoom';
  button.innerHTML = '<span>Enlarge</span> diagram';
  root.querySelector('figure')!.prepend(button);
  const marker = doc.createElement('span');
  marker.dataset.ui = 'note-marker';
  marker.textContent = '✎';
  root.querySelector('em')!.after(marker);
  const text = (sel: string, i = 0) => doc.querySelector(sel)!.childNodes[i] as Text;
  const range = (sc: Node, so: number, ec: Node, eo: number) => {
    const r = doc.createRange();
    r.setStart(sc, so);
    r.setEnd(ec, eo);
    return r;
  };
  return { doc, root, button, marker, text, range };
}

describe('chapterText and textOffsetOf', () => {
  it('read the same text as treeText of the tree, skipping every data-ui subtree', () => {
    const { root } = setup();
    expect(root.textContent).toContain('Enlarge diagram'); // the controls really are in the chapter
    expect(root.textContent).toContain('✎');
    expect(chapterText(root)).toBe(TEXT);
    expect(textNodes(root).map((t) => t.data)).toEqual(['Why a funnel', 'No recommender scores its ', 'whole', ' catalogue.', 'light ranker', 'The funnel', 'Quotas: ', '1,200', ' items.', 'Filters.']);
  });

  it('map every point in every text node to its treeText offset', () => {
    const { root } = setup();
    for (const t of textNodes(root)) {
      for (let k = 0; k <= t.length; k++) expect(textOffsetOf(root, t, k)).toBe(idx(t.data) + k);
    }
  });

  it('map element boundary points (between children) too', () => {
    const { doc, root } = setup();
    const p = doc.querySelector('p')!;
    const li = doc.querySelector('li')!;
    expect(textOffsetOf(root, root, 0)).toBe(0);
    expect(textOffsetOf(root, root, root.childNodes.length)).toBe(TEXT.length);
    expect(textOffsetOf(root, p, 0)).toBe(idx('No recommender'));
    expect(textOffsetOf(root, p, p.childNodes.length)).toBe(idx(' catalogue.') + 11);
    expect(textOffsetOf(root, li, 1)).toBe(idx('1,200'));
    expect(textOffsetOf(root, doc.querySelector('figure')!, 0)).toBe(idx('light ranker'));
    expect(textOffsetOf(root, doc.querySelector('figure')!, 1)).toBe(idx('light ranker'));
  });

  it('place a point inside a data-ui control at the control, without counting its text', () => {
    const { root, button, marker } = setup();
    expect(textOffsetOf(root, button.firstChild!.firstChild!, 3)).toBe(idx('light ranker'));
    expect(textOffsetOf(root, button, 2)).toBe(idx('light ranker'));
    expect(textOffsetOf(root, marker.firstChild!, 1)).toBe(idx(' catalogue.'));
  });

  it('ignore the marks that paint highlights', () => {
    const { doc, root, text } = setup();
    const first = text('p');
    const rest = first.splitText(3);
    rest.splitText('recommender'.length);
    const mark = doc.createElement('mark');
    rest.replaceWith(mark);
    mark.append(rest);
    expect(chapterText(root)).toBe(TEXT);
    expect(textOffsetOf(root, rest, 0)).toBe(idx('recommender'));
    expect(textOffsetOf(root, mark, 1)).toBe(idx('recommender') + 11);
  });

  it('refuse a point outside the chapter', () => {
    const { doc, root } = setup();
    expect(() => textOffsetOf(root, doc.getElementById('nav')!.firstChild!, 1)).toThrow(RangeError);
  });
});

describe('rangeFromOffsets', () => {
  it('selects exactly the text between two offsets inside one text node', () => {
    const { root } = setup();
    const s = idx('recommender');
    const r = rangeFromOffsets(root, s, s + 11);
    expect(r.toString()).toBe('recommender');
  });

  it('spans elements, starting and ending in the right text nodes', () => {
    const { root, text } = setup();
    const s = idx('scores');
    const e = idx('1,200') + 3;
    const r = rangeFromOffsets(root, s, e);
    expect(r.startContainer).toBe(text('p'));
    expect(r.startOffset).toBe('No recommender '.length);
    expect(r.endContainer).toBe(text('strong'));
    expect(r.endOffset).toBe(3);
    expect(offsetsFromRange(root, r)).toEqual({ start: s, end: e });
  });

  it('starts in the node holding the next character and ends in the node holding the previous one', () => {
    const { root, text } = setup();
    const r = rangeFromOffsets(root, idx('whole'), idx('whole') + 5);
    expect([r.startContainer, r.startOffset, r.endContainer, r.endOffset]).toEqual([text('em'), 0, text('em'), 5]);
    expect(r.toString()).toBe('whole');
  });

  it('round-trips every range through offsetsFromRange', () => {
    const { root } = setup();
    for (let s = 0; s < TEXT.length; s += 2) {
      for (let e = s + 1; e <= TEXT.length; e += 3) expect(offsetsFromRange(root, rangeFromOffsets(root, s, e))).toEqual({ start: s, end: e });
    }
  });

  it('throws on offsets outside the text', () => {
    const { root } = setup();
    expect(() => rangeFromOffsets(root, -1, 3)).toThrow(RangeError);
    expect(() => rangeFromOffsets(root, 5, 3)).toThrow(RangeError);
    expect(() => rangeFromOffsets(root, 0, TEXT.length + 1)).toThrow(RangeError);
    expect(rangeFromOffsets(root, 4, 4).collapsed).toBe(true);
  });
});

describe('offsetsFromRange', () => {
  it('returns null for a collapsed range, one outside the chapter, or one in another document', () => {
    const { doc, root, text, range } = setup();
    expect(offsetsFromRange(root, range(text('em'), 2, text('em'), 2))).toBeNull();
    const nav = doc.getElementById('nav')!.firstChild!;
    expect(offsetsFromRange(root, range(nav, 0, nav, 3))).toBeNull();
    const other = new JSDOM('<p>elsewhere</p>').window.document;
    const r = other.createRange();
    r.selectNodeContents(other.body);
    expect(offsetsFromRange(root, r)).toBeNull();
  });

  it('clips a range that runs past either end of the chapter', () => {
    const { doc, root, text, range } = setup();
    const nav = doc.getElementById('nav')!.firstChild!;
    const footer = doc.querySelector('footer')!.firstChild!;
    expect(offsetsFromRange(root, range(nav, 2, text('em'), 3))).toEqual({ start: 0, end: idx('whole') + 3 });
    expect(offsetsFromRange(root, range(text('em'), 1, footer, 2))).toEqual({ start: idx('whole') + 1, end: TEXT.length });
  });

  it('returns null for a range that covers only a data-ui control', () => {
    const { root, button, range } = setup();
    expect(offsetsFromRange(root, range(button.firstChild!.firstChild!, 0, button.lastChild!, 4))).toBeNull();
  });

  it('ignores data-ui text inside a range that crosses a control', () => {
    const { root, text, range } = setup();
    const r = range(text('em'), 1, text('figcaption'), 3);
    expect(r.toString()).toContain('Enlarge');
    expect(offsetsFromRange(root, r)).toEqual({ start: idx('whole') + 1, end: idx('The funnel') + 3 });
  });
});
