import { describe, expect, it } from 'vitest';
import { contextSimilarity, matchQuote, matchQuoteCandidates, WEIGHTS } from '../../src/annotations/quote-match.ts';
import { FUZZY_THRESHOLD, MIN_FUZZY_LENGTH, reanchor } from '../../src/annotations/reanchor.ts';
import { anchorFor } from '../../src/annotations/selectors.ts';
import { QUOTE_CONTEXT } from '../../src/annotations/types.ts';
import { applyEdits, evaluateCorpus, expectedRange, loadCorpus, runCorpus } from '../fixtures/anchoring/run-corpus.ts';

const TEXT =
  'A feature store exists to guarantee that match: you define each feature once, and the same definition feeds both the ' +
  'training set and the live request. The online store keeps only the latest value per entity key.';

/** The anchor of the first occurrence of `exact` in `text`. */
const anchorOf = (text: string, exact: string) => {
  const start = text.indexOf(exact);
  if (start === -1) throw new Error(`no "${exact}"`);
  return anchorFor(text, start, start + exact.length);
};
const at = (text: string, needle: string, from = 0) => text.indexOf(needle, from);

describe('anchorFor', () => {
  it('saves the exact text, QUOTE_CONTEXT characters either side and the offsets', () => {
    const start = at(TEXT, 'the same definition');
    const a = anchorFor(TEXT, start, start + 19);
    expect(a.quote).toEqual({
      type: 'TextQuoteSelector',
      exact: 'the same definition',
      prefix: 'u define each feature once, and ',
      suffix: ' feeds both the training set and',
    });
    expect(a.quote.prefix).toBe(TEXT.slice(start - QUOTE_CONTEXT, start));
    expect(a.quote.suffix).toHaveLength(QUOTE_CONTEXT);
    expect(a.position).toEqual({ type: 'TextPositionSelector', start, end: start + 19 });
  });

  it('clips the context at the edges of the text', () => {
    expect(anchorFor(TEXT, 0, 9).quote.prefix).toBe('');
    expect(anchorFor(TEXT, TEXT.length - 4, TEXT.length).quote.suffix).toBe('');
    expect(anchorFor('abc def', 4, 7).quote).toMatchObject({ prefix: 'abc ', suffix: '' });
  });

  it('never keeps half of a surrogate pair in the context', () => {
    const text = '😀'.repeat(20) + 'middle' + '😀'.repeat(20);
    const a = anchorFor(text, 40, 46);
    expect(a.quote.prefix).toBe('😀'.repeat(16));
    expect(a.quote.suffix).toBe('😀'.repeat(16));
    const odd = anchorFor('x' + text, 41, 47);
    expect(odd.quote.prefix.length).toBeLessThanOrEqual(QUOTE_CONTEXT);
    expect(odd.quote.prefix.charCodeAt(0)).not.toBeGreaterThanOrEqual(0xdc00);
  });

  it('throws on an empty, blank, reversed or out-of-range selection', () => {
    expect(() => anchorFor(TEXT, 5, 5)).toThrow(RangeError);
    expect(() => anchorFor(TEXT, 9, 5)).toThrow(RangeError);
    expect(() => anchorFor(TEXT, -1, 5)).toThrow(RangeError);
    expect(() => anchorFor(TEXT, 0, TEXT.length + 1)).toThrow(RangeError);
    expect(() => anchorFor(TEXT, 0.5, 3)).toThrow(RangeError);
    expect(() => anchorFor('a   b', 1, 4)).toThrow(/blank/);
  });
});

describe('contextSimilarity', () => {
  const text = 'one two three four five six seven';
  it('is 1 for intact context, lower for an edit, near 0 for unrelated text', () => {
    const i = at(text, 'four');
    expect(contextSimilarity('two three ', text, i, 'before')).toBe(1);
    expect(contextSimilarity(' five six', text, i + 4, 'after')).toBe(1);
    expect(contextSimilarity('two thee ', text, i, 'before')).toBeCloseTo(1 - 1 / 9);
    expect(contextSimilarity('xyzqwvbnmk', text, i, 'before')).toBeLessThan(0.2);
  });
  it('an empty context matches only the edge of the text', () => {
    expect(contextSimilarity('', text, 0, 'before')).toBe(1);
    expect(contextSimilarity('', text, 4, 'before')).toBe(0);
    expect(contextSimilarity('', text, text.length, 'after')).toBe(1);
  });
});

describe('matchQuote', () => {
  const quoteOf = (text: string, exact: string) => anchorOf(text, exact).quote;

  it('scores the exact quote, with its context, at the hinted place as 1', () => {
    const q = quoteOf(TEXT, 'the live request');
    const start = at(TEXT, 'the live request');
    expect(matchQuote(TEXT, q, { hint: start })).toEqual({ start, end: start + 16, score: 1 });
  });

  it('finds a quote with a typo fixed, scoring it lower, and covers the whole edited span', () => {
    const q = quoteOf(TEXT, 'keeps only the latest value');
    const edited = TEXT.replace('keeps only the latest value', 'keeps only the most recent value');
    const m = matchQuote(edited, q, { maxErrorsRatio: 0.5 })!;
    expect(edited.slice(m.start, m.end)).toBe('keeps only the most recent value');
    expect(m.score).toBeLessThan(1);
    expect(m.score).toBeGreaterThan(0.8);
  });

  it('returns null beyond the error budget, and a bigger budget finds it', () => {
    const q = quoteOf(TEXT, 'keeps only the latest value');
    const edited = TEXT.replace('keeps only the latest value', 'stores the newest value');
    expect(matchQuote(edited, q, { maxErrorsRatio: 0.1 })).toBeNull();
    expect(matchQuote(edited, q, { maxErrorsRatio: 0.6 })).not.toBeNull();
  });

  it('lets context outweigh the position hint', () => {
    const text = 'Cats sleep a lot. The model is trained daily on fresh logs. Dogs bark. The model is trained daily on old logs.';
    const q = quoteOf(text, 'The model is trained daily');
    const second = at(text, 'The model', 20);
    const m = matchQuote(text.replace('Cats sleep a lot.', 'Birds sing. '), q, { hint: second })!;
    expect(m.start).toBe(at(text.replace('Cats sleep a lot.', 'Birds sing. '), 'The model'));
  });

  it('uses the hint only to break a tie, and lists every candidate so the caller sees the tie', () => {
    const text = 'x. The cache is refreshed every hour. y. The cache is refreshed every hour. z.';
    const q = { exact: 'cache is refreshed', prefix: '. The ', suffix: ' every hour.' };
    const late = at(text, 'cache', 20);
    expect(matchQuote(text, q, { hint: late })!.start).toBe(late);
    const all = matchQuoteCandidates(text, q, { hint: late });
    expect(all.map((c) => c.start)).toEqual([late, at(text, 'cache')]);
    const total = WEIGHTS.quote + WEIGHTS.prefix + WEIGHTS.suffix + WEIGHTS.position;
    expect(all[0]!.score - all[1]!.score).toBeLessThan(WEIGHTS.position / total);
  });

  it('returns exact candidates first, then approximate ones, never overlapping', () => {
    const text = 'the heavy ranker, a heavy rankr, the heavy ranker again';
    const all = matchQuoteCandidates(text, { exact: 'heavy ranker', prefix: '', suffix: '' }, { maxErrorsRatio: 0.25 });
    expect(all.map((c) => [text.slice(c.start, c.end), c.errors])).toEqual([
      ['heavy ranker', 0],
      ['heavy ranker', 0],
      ['heavy rankr', 1],
    ]);
  });

  it('keeps an edit at the edge of the quote inside the match (context decides the boundary)', () => {
    const old = 'Quotas: e.g. 1,200 from the two-tower, 500 co-watch, 300 trending. Next.';
    const q = quoteOf(old, '500 co-watch, 300 trending');
    const edited = old.replace('500 co-watch, 300 trending', '500 from co-watch and 300 from trending');
    const m = matchQuote(edited, q, { maxErrorsRatio: 0.5 })!;
    expect(edited.slice(m.start, m.end)).toBe('500 from co-watch and 300 from trending');
  });

  it('finds nothing for an empty quote', () => {
    expect(matchQuote(TEXT, { exact: '', prefix: '', suffix: '' })).toBeNull();
    expect(matchQuoteCandidates(TEXT, { exact: '', prefix: 'a', suffix: 'b' })).toEqual([]);
  });
});

describe('reanchor', () => {
  it('(a) keeps the saved position when the text there and around it is unchanged', () => {
    const a = anchorOf(TEXT, 'the same definition');
    expect(reanchor(a, TEXT)).toEqual({ status: 'anchored', start: a.position.start, end: a.position.end, method: 'position', score: 1 });
  });

  it('(a) does not trust an identical phrase that merely moved into the saved spot', () => {
    const old = 'Some words come first. We retrain the ranking model every night, on fresh logs.';
    const a = anchorOf(old, 'ranking model');
    const lead = 'New opening lines: these now name the ';
    expect(lead.length).toBe(a.position.start);
    const text = `${lead}ranking model as new. Later: We retrain the ranking model every night, on fresh logs.`;
    expect(text.slice(a.position.start, a.position.end)).toBe('ranking model');
    const r = reanchor(a, text);
    expect(r).toMatchObject({ status: 'anchored', method: 'quote', start: at(text, 'ranking model', 40) });
  });

  it('(b) follows the quote when text is inserted before it', () => {
    const a = anchorOf(TEXT, 'the live request');
    const text = 'A new first sentence. ' + TEXT;
    expect(reanchor(a, text)).toMatchObject({ status: 'anchored', method: 'quote', start: a.position.start + 22 });
  });

  it('(b) picks, among several occurrences, the one whose context matches', () => {
    const old = 'Train on logs. The heavy ranker scores 500 items. The light ranker protects the heavy ranker budget.';
    const a = anchorFor(old, at(old, 'heavy ranker', 40), at(old, 'heavy ranker', 40) + 12);
    const text = 'Intro. ' + old.replace('Train on logs.', 'The heavy ranker is big.');
    expect(reanchor(a, text)).toMatchObject({ status: 'anchored', method: 'quote', start: at(text, 'heavy ranker budget') });
  });

  it('(b) orphans when several occurrences have the same context', () => {
    const old = 'A. The cache is refreshed every hour by a job. B.';
    const a = anchorOf(old, 'refreshed every hour');
    const copy = 'The cache is refreshed every hour by a job.';
    expect(reanchor(a, `Intro. ${copy} Middle. ${copy} End.`)).toEqual({ status: 'orphaned', reason: 'ambiguous' });
  });

  it('(b) orphans a lone exact copy whose context is entirely different (a recall card repeating the body)', () => {
    const old = 'Redis features. TTLs. EXPIRE sets a timeout after which the key is deleted. A user gone for 90 days reads as missing.';
    const a = anchorOf(old, 'EXPIRE sets a timeout after which the key is deleted');
    const text = 'Redis features. Recall: Which command sets TTLs?EXPIRE sets a timeout after which the key is deleted; INCR counts.';
    expect(reanchor(a, text)).toEqual({ status: 'orphaned', reason: 'low-confidence' });
  });

  it('(c) re-anchors a highlight whose words were slightly edited', () => {
    const a = anchorOf(TEXT, 'you define each feature once');
    const text = TEXT.replace('you define each feature once', 'you define every feature once');
    const r = reanchor(a, text);
    expect(r).toMatchObject({ status: 'anchored', method: 'fuzzy' });
    if (r.status === 'anchored') {
      expect(text.slice(r.start, r.end)).toBe('you define every feature once');
      expect(r.score).toBeGreaterThanOrEqual(FUZZY_THRESHOLD);
    }
  });

  it('(c) orphans a rewritten sentence rather than attach it to something similar', () => {
    const a = anchorOf(TEXT, 'The online store keeps only the latest value per entity key.');
    const text = TEXT.replace('The online store keeps only the latest value per entity key.', 'Online, only the newest value of each key is held.');
    expect(reanchor(a, text).status).toBe('orphaned');
  });

  it('(c) orphans when two edited copies match equally well', () => {
    const old = 'Intro text here. The cache is refreshed every ten minutes by a background job. Middle part.';
    const a = anchorOf(old, 'refreshed every ten minutes');
    const edited = 'The cache is refreshed every twelve minutes by a background job.';
    const text = `Intro text here. ${edited} Middle part. Intro text here. ${edited} Middle part.`;
    expect(reanchor(a, text)).toEqual({ status: 'orphaned', reason: 'ambiguous' });
  });

  it(`never fuzzy-matches a highlight shorter than ${MIN_FUZZY_LENGTH} characters`, () => {
    const old = 'Before this: the p99 latency, then after that.';
    const short = anchorOf(old, 'p99 latency');
    expect(short.quote.exact.length).toBeLessThan(MIN_FUZZY_LENGTH);
    expect(reanchor(short, old.replace('p99 latency', 'p95 latency'))).toEqual({ status: 'orphaned', reason: 'not-found' });
    const longer = anchorOf(old, 'the p99 latency');
    expect(reanchor(longer, old.replace('p99 latency', 'p95 latency'))).toMatchObject({ status: 'anchored', method: 'fuzzy' });
  });

  it('orphans an anchor with an empty quote', () => {
    const a = anchorOf(TEXT, 'the live request');
    expect(reanchor({ ...a, quote: { ...a.quote, exact: '' } }, TEXT)).toEqual({ status: 'orphaned', reason: 'not-found' });
  });
});

describe('anchoring corpus (real chapters, real edits)', () => {
  const corpus = loadCorpus();
  const results = evaluateCorpus(corpus);

  it('is self-contained and consistent: newText is oldText with the edits, anchors are anchorFor(oldText)', () => {
    for (const ch of corpus.chapters) {
      expect(applyEdits(ch.oldText, ch.edits)).toBe(ch.newText);
      for (const h of ch.highlights) {
        expect(anchorFor(ch.oldText, h.anchor.position.start, h.anchor.position.end)).toEqual(h.anchor);
        expect(() => expectedRange(ch.newText, h.expected)).not.toThrow();
      }
    }
  });

  it('covers every kind of edit the baseline promises', () => {
    const kinds = new Set(results.map((r) => r.case.kind));
    for (const k of ['unchanged', 'inserted-before', 'typo-fixed', 'word-changed', 'sentence-rewritten', 'paragraph-moved', 'section-deleted', 'duplicate-phrase', 'duplicate-ambiguous', 'duplicate-phrase-deleted', 'spans-blocks', 'context-rewritten', 'short-edited', 'deleted-copy-elsewhere']) {
      expect(kinds, k).toContain(k);
    }
    expect(results.length).toBeGreaterThanOrEqual(30);
    expect(new Set(results.map((r) => r.got.status === 'anchored' && r.got.method))).toEqual(new Set(['position', 'quote', 'fuzzy', false]));
  });

  it.each(results.map((r) => [r.case.id, r] as const))('%s gives its expected outcome', (_id, r) => {
    const e = r.case.expected;
    if (e.status === 'orphaned') {
      expect(r.got.status, r.case.note).toBe('orphaned');
      return;
    }
    expect(r.got, r.case.note).toMatchObject({ status: 'anchored', start: r.want!.start, end: r.want!.end, method: e.method });
  });

  it('attaches ZERO highlights to the wrong text', () => {
    expect(results.filter((r) => r.verdict === 'wrong').map((r) => r.case.id)).toEqual([]);
  });

  it('re-anchors 100% of the highlights that should re-anchor', () => {
    const s = runCorpus(corpus);
    console.log(`anchoring corpus: ${s.anchored}/${s.expectedAnchored} re-anchored (${(s.rate * 100).toFixed(1)}%), ${s.orphaned} orphaned, ${s.wrong} wrong, of ${s.total}`);
    expect(s.wrong).toBe(0);
    expect(s.missed).toBe(0);
    expect(s.rate).toBe(1);
    expect(s.anchored + s.orphaned).toBe(s.total);
  });
});
