import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { parseCards } from '../../src/content/build/cards.ts';
import { compileContent } from '../../src/content/build/compile.ts';
import { parseDiagram, renderDiagram, wrapLabel } from '../../src/content/build/diagram.ts';
import { treeText } from '../../src/content/build/tree.ts';
import type { TreeElement, TreeNode } from '../../src/shared/content-types.ts';
import { cards, chapter, validGuide } from '../support/content-fixtures.ts';

const find = (nodes: TreeNode[], pred: (el: TreeElement) => boolean): TreeElement[] => {
  const out: TreeElement[] = [];
  const walk = (n: TreeNode) => {
    if (typeof n === 'string') return;
    if (pred(n)) out.push(n);
    (n.slice(2) as TreeNode[]).forEach(walk);
  };
  nodes.forEach(walk);
  return out;
};

describe('recall cards', () => {
  it('parses Q/A pairs, with answers over several lines', () => {
    const r = parseCards('Q: What is NE?\nA: Log loss divided\nby the entropy of the base rate.\n\nQ: Why two stages?\nA: Cost.');
    expect(r.errors).toEqual([]);
    expect(r.cards.map((c) => [c.question, c.answer])).toEqual([
      ['What is NE?', 'Log loss divided by the entropy of the base rate.'],
      ['Why two stages?', 'Cost.'],
    ]);
  });

  it('compiles cards into structured data tied to their section, with stable ids', () => {
    const body = `## What to ask\n\nAsk.\n\n## Evaluate\n\nText.\n\n${cards(8, 'e')}\n## Later\n\n\`\`\`cards\nQ: What is **NDCG**?\nA: Graded relevance, *normalised*.\n\`\`\`\n`;
    const guide = [...validGuide().filter((f) => f.rel !== 'framework/01-step.md'), chapter('framework/01-step.md', 'step-one', body, { step: 1 })];
    const r1 = compileContent(guide);
    expect(r1.problems).toEqual([]);
    const c = r1.chapters.find((x) => x.meta.id === 'step-one')!;
    expect(c.payload.cards).toHaveLength(9);
    expect(c.payload.cards[0]!.sectionId).toBe('evaluate');
    expect(c.meta.cardCount).toBe(9);
    const last = c.payload.cards[8]!;
    expect(last.sectionId).toBe('later');
    expect(last.question).toEqual(['What is ', ['strong', null, 'NDCG'], '?']);
    expect(treeText(last.answer)).toBe('Graded relevance, normalised.');
    // Editing other text keeps the card's id; editing its question changes it.
    const edited = compileContent(guide.map((f) => (f.rel === 'framework/01-step.md' ? { ...f, source: f.source.replace('Text.', 'Other text.') } : f)));
    expect(edited.chapters.find((x) => x.meta.id === 'step-one')!.payload.cards[8]!.id).toBe(last.id);
    expect(edited.manifest.version).not.toBe(r1.manifest.version);
  });
});

describe('diagrams', () => {
  const src = 'title: Two-stage recommendation\nuser events -> feature pipeline\nfeature pipeline -> online feature store: features\ncandidate generation -> ranking: 1,000 candidates\nranking -> feed: top 50';

  it('parses nodes and labelled edges', () => {
    const { spec, errors } = parseDiagram(src);
    expect(errors).toEqual([]);
    expect(spec?.nodes).toEqual(['user events', 'feature pipeline', 'online feature store', 'candidate generation', 'ranking', 'feed']);
    expect(spec?.edges[2]).toEqual({ from: 'candidate generation', to: 'ranking', label: '1,000 candidates' });
  });

  it('draws an accessible SVG in currentColor classes, laid out top to bottom', () => {
    const svg = renderDiagram(parseDiagram(src).spec!, 'fig-1');
    expect(svg[0]).toBe('svg');
    expect(svg[1]).toMatchObject({ role: 'img', 'aria-labelledby': 'fig-1-title fig-1-desc' });
    expect(find([svg], (e) => e[0] === 'title')[0]).toEqual(['title', { id: 'fig-1-title' }, 'Two-stage recommendation']);
    expect(treeText(find([svg], (e) => e[0] === 'desc'))).toContain('candidate generation → ranking (1,000 candidates)');
    const nodes = find([svg], (e) => e[1]?.class === 'd-node');
    expect(nodes).toHaveLength(6);
    const y = (name: string) => Number(find(nodes.filter((n) => treeText([n]).includes(name)), (e) => e[0] === 'rect')[0]![1]!.y);
    expect(y('ranking')).toBeGreaterThan(y('candidate'));
    expect(y('feed')).toBeGreaterThan(y('ranking'));
    expect(find([svg], (e) => e[1]?.class === 'd-edge')).toHaveLength(4);
    expect(JSON.stringify(svg)).not.toMatch(/#000|black|fill="#/);
  });

  it('keeps nodes narrow enough for a phone by wrapping long names', () => {
    expect(wrapLabel('online feature store')).toEqual(['online', 'feature store']);
    expect(wrapLabel('candidate generation')).toEqual(['candidate', 'generation']);
    expect(wrapLabel('ranking')).toEqual(['ranking']);
    const wide = renderDiagram(parseDiagram('title: t\nheavy ranker -> re-ranker\nre-ranker -> feed').spec!, 'f');
    expect(Number(wide[1]!.width)).toBeLessThan(340);
  });

  it('renders inside a chapter as a figure with a caption, sanitized', () => {
    const body = `## A\n\n\`\`\`diagram\n${src}\n\`\`\`\n`;
    const r = compileContent([...validGuide().filter((f) => f.rel !== 'start/01-welcome.md'), chapter('start/01-welcome.md', 'welcome', body)]);
    expect(r.problems).toEqual([]);
    const fig = find(r.chapters.find((c) => c.meta.id === 'welcome')!.payload.body, (e) => e[0] === 'figure')[0]!;
    expect(fig[1]).toMatchObject({ class: 'diagram', id: 'fig-1' });
    expect(find([fig], (e) => e[0] === 'figcaption')[0]![2]).toBe('Two-stage recommendation');
  });
});

describe('rendering', () => {
  it('gives every heading and block a stable id and resolves links and terms', () => {
    const r = compileContent(validGuide());
    const welcome = r.chapters.find((c) => c.meta.id === 'welcome')!.payload.body;
    const ids = find(welcome, (e) => !!e[1]?.id).map((e) => e[1]!.id);
    expect(ids).toEqual(['title-welcome', 'title-welcome-p1', 'why', 'why-p1']);
    const links = find(welcome, (e) => e[0] === 'a').map((e) => e[1]);
    expect(links).toEqual([
      { class: 'term', href: '/read/glossary#embedding' },
      { href: '/read/step-one#what-to-ask' },
    ]);
  });

  it('wraps tables in a scrolling region', () => {
    const r = compileContent([
      ...validGuide().filter((f) => f.rel !== 'start/01-welcome.md'),
      chapter('start/01-welcome.md', 'welcome', '## A\n\n| a | b |\n|---|---|\n| 1 | 2 |\n'),
    ]);
    const wrap = find(r.chapters.find((c) => c.meta.id === 'welcome')!.payload.body, (e) => e[1]?.class === 'table-scroll')[0]!;
    expect(wrap[1]).toMatchObject({ role: 'region', tabindex: '0' });
    expect((wrap[2] as TreeElement)[0]).toBe('table');
  });
});

describe('tree to DOM (run time)', async () => {
  const { window } = new JSDOM('');
  const { treeToDom } = await import('../../src/content/tree-to-dom.ts');
  const render = (nodes: TreeNode[]) => {
    const host = window.document.createElement('div');
    host.appendChild(treeToDom(nodes, window.document));
    return host;
  };

  it('builds elements, SVG in its namespace, text as text', () => {
    const host = render([
      ['p', { id: 'x-p1' }, 'a < b ', ['strong', null, 'bold']],
      ['svg', { viewBox: '0 0 10 10' }, ['path', { d: 'M0,0 L1,1', class: 'd-edge' }]],
    ]);
    expect(host.innerHTML).toBe('<p id="x-p1">a &lt; b <strong>bold</strong></p><svg viewBox="0 0 10 10"><path d="M0,0 L1,1" class="d-edge"></path></svg>');
    expect(host.querySelector('path')!.namespaceURI).toBe('http://www.w3.org/2000/svg');
  });

  it('drops script, handlers, styles and javascript: links even if a payload carried them', () => {
    const host = render([
      ['script', null, 'alert(1)'],
      ['p', { onclick: 'alert(1)', style: 'color:red', id: 'ok' }, 'x'],
      ['a', { href: 'javascript:alert(1)' }, 'bad'],
      ['a', { href: '//evil.example/' }, 'bad2'],
      ['a', { href: '/read/glossary#ndcg' }, 'good'],
      ['iframe', { src: 'https://evil.example' }],
      ['svg', null, ['foreignObject', null, ['p', null, 'hidden']], ['path', { 'marker-end': 'url(https://evil.example/x)' }]],
    ]);
    expect(host.innerHTML).toBe(
      '<p id="ok">x</p><a>bad</a><a>bad2</a><a href="/read/glossary#ndcg">good</a><svg><path></path></svg>',
    );
  });
});
