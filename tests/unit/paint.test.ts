import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import { chapterText } from '../../src/annotations/text-offsets.ts';
import { clearHighlights, paintHighlights, type PaintItem } from '../../src/highlights/paint.ts';

let root: HTMLElement;
beforeAll(() => {
  const { window } = new JSDOM('');
  Object.assign(globalThis, { document: window.document });
});
const fresh = () => {
  root = document.createElement('article');
  root.innerHTML =
    '<h2 id="a">Offline metrics</h2><p id="a-p1">Pair every <strong>offline</strong> metric with an online twin.</p>' +
    '<ul><li id="a-p2">Recall at k</li><li id="a-p3">NDCG</li></ul><figure><svg xmlns="http://www.w3.org/2000/svg"><text>user tower</text></svg><button data-ui="enlarge">Enlarge</button></figure><p id="a-p4">Then guard it.</p>';
  return root;
};
const item = (id: string, text: string, phrase: string, extra: Partial<PaintItem> = {}): PaintItem => {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(phrase);
  return { id, start, end: start + phrase.length, colour: 'yellow', hasNote: false, ...extra };
};
const marked = (id: string) => [...root.querySelectorAll(`mark[data-annotation-id="${id}"]`)].map((m) => m.textContent).join('');

describe('painting highlights', () => {
  it('wraps exactly the highlighted text, across inline and block boundaries, without changing the text', () => {
    fresh();
    const text = chapterText(root);
    paintHighlights(root, [item('x', text, 'every offline metric'), item('y', text, 'twin.Recall at'), item('z', text, 'NDCG')]);
    expect(chapterText(root)).toBe(text);
    expect(marked('x')).toBe('every offline metric');
    expect(marked('y')).toBe('twin.Recall at');
    expect(marked('z')).toBe('NDCG');
    expect(root.querySelector('#hl-x')?.textContent).toBe('every ');
    expect(root.querySelector('li#a-p2 mark')?.textContent).toBe('Recall at');
  });

  it('nests overlapping highlights, and skips diagram text while still counting it', () => {
    fresh();
    const text = chapterText(root);
    paintHighlights(root, [item('outer', text, 'metric with an online'), item('inner', text, 'with an', { colour: 'blue', hasNote: true }), item('after', text, 'Then guard')]);
    expect(marked('outer')).toBe('metric with an online');
    expect(marked('inner')).toBe('with an');
    expect(root.querySelector('mark[data-annotation-id="inner"]')!.parentElement!.dataset.annotationId).toBe('outer');
    expect(marked('after')).toBe('Then guard');
    expect(root.querySelectorAll('svg mark')).toHaveLength(0);
    expect(root.querySelector('[data-ui="note-marker"]')?.previousElementSibling?.getAttribute('data-annotation-id')).toBe('outer');
    expect(chapterText(root)).toBe(text);
  });

  it('repaints from scratch and clears back to the original DOM', () => {
    fresh();
    const before = root.innerHTML;
    const text = chapterText(root);
    paintHighlights(root, [item('x', text, 'Pair every')]);
    paintHighlights(root, [item('x', text, 'Pair every'), item('y', text, 'guard')]);
    expect(root.querySelectorAll('mark#hl-x')).toHaveLength(1);
    clearHighlights(root);
    expect(root.innerHTML).toBe(before);
  });

  it('joins the text it split again when cleared, nested highlights included', () => {
    fresh();
    const textNodes = () => {
      const walker = document.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
      let n = 0;
      while (walker.nextNode()) n++;
      return n;
    };
    const before = textNodes();
    const text = chapterText(root);
    paintHighlights(root, [item('outer', text, 'metric with an online'), item('inner', text, 'with an'), item('x', text, 'Recall'), item('y', text, 'guard')]);
    expect(textNodes()).toBeGreaterThan(before);
    clearHighlights(root);
    expect(textNodes()).toBe(before);
  });
});
