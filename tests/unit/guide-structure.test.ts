import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileContent, readContentDir, type CompiledChapter } from '../../src/content/build/compile.ts';
import { CASE_SECTIONS } from '../../src/content/build/rules.ts';
import { FAMILIES, type TreeElement, type TreeNode } from '../../src/shared/content-types.ts';

// The guide itself, as shipped: a later edit cannot quietly drop a chapter, a section or its cards.
const result = compileContent(readContentDir(resolve(import.meta.dirname, '../../content')));
const byPart = (part: string) => result.chapters.filter((c) => c.meta.part === part);

/** Top-level body split into ## sections: section id → its nodes. */
function sections(c: CompiledChapter): Map<string, TreeNode[]> {
  const out = new Map<string, TreeNode[]>();
  let current = 'intro';
  for (const n of c.payload.body) {
    if (typeof n !== 'string' && n[0] === 'h2') current = n[1]?.id ?? current;
    const list = out.get(current) ?? [];
    list.push(n);
    out.set(current, list);
  }
  return out;
}
const count = (nodes: TreeNode[], pred: (e: TreeElement) => boolean): number => {
  let n = 0;
  const walk = (x: TreeNode) => {
    if (typeof x === 'string') return;
    if (pred(x)) n++;
    (x.slice(2) as TreeNode[]).forEach(walk);
  };
  nodes.forEach(walk);
  return n;
};
const figures = (nodes: TreeNode[]) => count(nodes, (e) => e[0] === 'figure');
const sourceItems = (c: CompiledChapter) => count(sections(c).get('sources') ?? [], (e) => e[0] === 'li');

describe('the guide as shipped', () => {
  it('builds with no problems', () => {
    expect(result.problems).toEqual([]);
  });

  it('has every part and chapter of the plan, in reading order', () => {
    expect(byPart('start').map((c) => c.meta.id)).toEqual(['how-to-use', 'the-interview', 'levels']);
    expect(byPart('framework').map((c) => c.meta.id)).toEqual([
      'framework-overview', 'clarify-requirements', 'frame-the-task', 'prepare-the-data',
      'develop-the-model', 'evaluate', 'deploy-and-serve', 'monitor-and-iterate',
    ]);
    expect(byPart('concepts').map((c) => c.meta.id)).toEqual([
      'embeddings-and-vector-search', 'multi-stage-ranking', 'feature-stores', 'metrics-sheet',
      'experimentation', 'serving-and-scaling', 'data-quality-and-leakage', 'responsible-ml',
      'llm-building-blocks',
      'estimation',
    ]);
    // Every case of the plan (in any order here: the reading order is the families test below).
    expect(byPart('cases').map((c) => c.meta.id).sort()).toEqual([
      'visual-search', 'blurring-street-imagery', 'video-search', 'harmful-content', 'video-recommendation',
      'event-recommendation', 'ad-click-prediction', 'similar-listings', 'news-feed', 'people-you-may-know',
      'rag-assistant', 'search-autocomplete', 'payment-fraud', 'eta-prediction',
      'product-search-ranking',
      'conversational-assistant',
      'llm-inference-platform',
      'llm-evaluation-guardrails',
      'coding-assistant',
      'spam-fake-accounts',
      'dynamic-pricing',
      'notifications',
    ].sort());
    expect(byPart('glossary').map((c) => c.meta.id)).toEqual(['glossary']);
  });

  it('cases: every one has a family, and the reading order follows FAMILIES, then the file number', () => {
    const cases = byPart('cases');
    for (const c of cases) expect(FAMILIES, `${c.meta.id} family`).toContain(c.meta.family);
    const rank = (c: CompiledChapter) => FAMILIES.indexOf(c.meta.family!);
    const fileNo = (c: CompiledChapter) => Number(/\/(\d{2})-/.exec(c.file)?.[1]);
    for (let i = 1; i < cases.length; i++) {
      const [a, b] = [cases[i - 1]!, cases[i]!];
      expect(rank(a) < rank(b) || (rank(a) === rank(b) && fileNo(a) < fileNo(b)), `${a.meta.id} before ${b.meta.id}`).toBe(true);
    }
    // order is the reading position, so previous/next and the notebook agree with the library.
    expect(cases.map((c) => c.meta.order)).toEqual(cases.map((_, i) => i + 1));
    expect(result.manifest.chapters.filter((m) => m.part === 'cases').map((m) => m.id)).toEqual(cases.map((c) => c.meta.id));
    // Reading time comes from the text, not the front matter.
    for (const c of cases) expect.soft(c.meta.minutes, c.meta.id).toBeGreaterThanOrEqual(Math.ceil(c.meta.words / 220));
  });

  it('levels: L4, L5 and L6+ at each of the seven steps, with cards', () => {
    const levels = result.chapters.find((c) => c.meta.id === 'levels')!;
    expect(levels.meta.cardCount).toBeGreaterThanOrEqual(8);
    const steps = levels.meta.outline.filter((o) => o.level === 3 && /^\d\./.test(o.title));
    expect(steps.map((o) => o.title.slice(0, 2))).toEqual(['1.', '2.', '3.', '4.', '5.', '6.', '7.']);
    const text = JSON.stringify(levels.payload.body);
    for (const l of ['L4:', 'L5:', 'L6+:']) expect(text.split(l).length - 1, l).toBeGreaterThanOrEqual(7);
  });

  it('start here: how to use the app, the interview and 1-, 2- and 4-week plans', () => {
    for (const c of byPart('start')) expect(c.meta.words).toBeGreaterThan(900);
    const plan = result.chapters.find((c) => c.meta.id === 'the-interview')!;
    const titles = plan.meta.outline.map((o) => o.title.toLowerCase()).join(' | ');
    expect(titles).toMatch(/1.week|one.week/);
    expect(titles).toMatch(/2.week|two.week/);
    expect(titles).toMatch(/4.week|four.week/);
  });

  it('framework: the overview, then one chapter per step, each complete', () => {
    const steps = byPart('framework').filter((c) => c.meta.step);
    expect(steps.map((c) => c.meta.step)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (const c of steps) {
      const s = sections(c);
      expect.soft(c.meta.words, c.meta.id).toBeGreaterThanOrEqual(2000);
      expect.soft(c.meta.words, c.meta.id).toBeLessThanOrEqual(3500);
      expect.soft(c.meta.cardCount, c.meta.id).toBeGreaterThanOrEqual(10);
      expect.soft(figures(c.payload.body), c.meta.id).toBeGreaterThanOrEqual(1);
      expect.soft([...s.keys()].some((k) => /follow-up/.test(k)), `${c.meta.id} follow-ups`).toBe(true);
      expect.soft(sourceItems(c), `${c.meta.id} sources`).toBeGreaterThanOrEqual(2);
    }
    const overview = byPart('framework')[0]!;
    expect(overview.meta.step).toBeUndefined();
    expect(overview.meta.cardCount).toBeGreaterThanOrEqual(8);
  });

  it('concepts: 1,200–2,500 words and at least 8 cards each', () => {
    for (const c of byPart('concepts')) {
      expect.soft(c.meta.words, c.meta.id).toBeGreaterThanOrEqual(1200);
      // The metrics sheet is a reference page that defines every metric the guide uses: it may run longer.
      expect.soft(c.meta.words, c.meta.id).toBeLessThanOrEqual(c.meta.id === 'metrics-sheet' ? 3600 : 2500);
      expect.soft(c.meta.cardCount, c.meta.id).toBeGreaterThanOrEqual(8);
      expect.soft(sourceItems(c), `${c.meta.id} sources`).toBeGreaterThanOrEqual(1);
    }
    const sheet = result.chapters.find((c) => c.meta.id === 'metrics-sheet')!;
    const anchors = sheet.meta.outline.map((o) => o.id);
    for (const a of ['precision-and-recall-at-k', 'ndcg', 'mrr', 'roc-auc', 'pr-auc', 'log-loss', 'normalised-cross-entropy', 'calibration-and-ece', 'iou-and-detection-ap', 'ab-sample-size']) {
      expect(anchors).toContain(a);
    }
  });

  it('cases: the nine sections in order, 3,000–5,000 words, 10+ cards, a serving diagram, 6+ follow-ups, 3+ sources', () => {
    const expected = CASE_SECTIONS.map((s) => s.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-'));
    for (const c of byPart('cases')) {
      const s = sections(c);
      expect(c.meta.outline.filter((o) => o.level === 2).map((o) => o.id), c.meta.id).toEqual(expected);
      expect.soft(c.meta.words, c.meta.id).toBeGreaterThanOrEqual(3000);
      expect.soft(c.meta.words, c.meta.id).toBeLessThanOrEqual(5000);
      expect.soft(c.meta.cardCount, c.meta.id).toBeGreaterThanOrEqual(10);
      expect.soft(figures(s.get('6-deploy-and-serve') ?? []), `${c.meta.id} serving diagram`).toBeGreaterThanOrEqual(1);
      expect.soft(count(s.get('interview-follow-ups') ?? [], (e) => e[0] === 'h3'), `${c.meta.id} follow-ups`).toBeGreaterThanOrEqual(6);
      expect.soft(sourceItems(c), `${c.meta.id} sources`).toBeGreaterThanOrEqual(3);
      const step1 = JSON.stringify(s.get('1-clarify-requirements'));
      expect.soft(step1, `${c.meta.id} Requirements Card`).toMatch(/Requirements Card/);
      expect.soft(step1, `${c.meta.id} Numbers Box`).toMatch(/Numbers Box/);
    }
  });

  it('glossary: at least 120 terms, each linked from a chapter', () => {
    const glossary = result.chapters.find((c) => c.meta.id === 'glossary')!;
    const terms = glossary.meta.outline.filter((o) => o.level === 3).map((o) => o.id);
    expect(terms.length).toBeGreaterThanOrEqual(120);
    const linked = new Set(result.chapters.filter((c) => c.meta.id !== 'glossary').flatMap((c) => c.terms));
    expect(terms.filter((t) => !linked.has(t))).toEqual([]);
  });
});
