import { describe, expect, it } from 'vitest';
import { snapToWords } from '../../src/highlights/snap-words.ts';

const snap = (text: string, from: string, to: string): string => {
  const start = text.indexOf(from);
  const r = snapToWords(text, start, start + to.length);
  return text.slice(r.start, r.end);
};

describe('selections snap to whole words', () => {
  const text = 'Pick something simple; the model’s well-known baseline wins. Next para';
  it('widens a cut word at either end', () => {
    expect(snap(text, 'ething simp', 'ething simp')).toBe('something simple');
    expect(snap(text, 'mething', 'meth')).toBe('something');
  });
  it('keeps apostrophes and hyphens inside words, and stops at punctuation', () => {
    expect(snap(text, 'del’s well-kn', 'del’s well-kn')).toBe('model’s well-known');
    expect(snap(text, 'simple;', 'simple;')).toBe('simple;');
    expect(snap(text, 'wins. Ne', 'wins. Ne')).toBe('wins. Next');
  });
  it('drops spaces at the edges and leaves whole words alone', () => {
    expect(snap(text, ' the ', ' the ')).toBe('the');
    expect(snap(text, 'baseline', 'baseline')).toBe('baseline');
    expect(snapToWords('a   b', 1, 3)).toEqual({ start: 1, end: 3 });
  });
});
