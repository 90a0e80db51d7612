import { describe, expect, it } from 'vitest';
import { parseRoute } from '../../src/app/routes.ts';
import { latest, progressLabel } from '../../src/library/progress-label.ts';
import { anchorAt, neighbours, scrollFraction } from '../../src/reader/reading-position.ts';
import { DEFAULT_SETTINGS, parseSettings } from '../../src/settings/reader-settings.ts';
import { makeGuide } from '../support/guide-fixtures.ts';

describe('routes', () => {
  it('maps every URL to one screen', () => {
    expect(parseRoute('/')).toEqual({ name: 'library', part: null });
    expect(parseRoute('/', '?part=cases&source=shortcut')).toEqual({ name: 'library', part: 'cases' });
    expect(parseRoute('/', '?part=nonsense')).toEqual({ name: 'library', part: null });
    expect(parseRoute('/read/video-recommendation')).toEqual({ name: 'chapter', id: 'video-recommendation', reattach: null });
    expect(parseRoute('/read/video-recommendation/')).toEqual({ name: 'chapter', id: 'video-recommendation', reattach: null });
    expect(parseRoute('/read/evaluate', '?reattach=abc')).toEqual({ name: 'chapter', id: 'evaluate', reattach: 'abc' });
    expect(parseRoute('/notebook')).toEqual({ name: 'notebook' });
    expect(parseRoute('/continue')).toEqual({ name: 'continue' });
    expect(parseRoute('/settings')).toEqual({ name: 'settings' });
    expect(parseRoute('/read/Bad_Id')).toEqual({ name: 'not-found', path: '/read/Bad_Id' });
  });
});

describe('reader settings', () => {
  it('keeps valid values and repairs each invalid field on its own', () => {
    expect(parseSettings({ fontStep: 6, spacing: 'relaxed', theme: 'sepia', font: 'sans' })).toEqual({ fontStep: 6, spacing: 'relaxed', theme: 'sepia', font: 'sans' });
    expect(parseSettings({ fontStep: 99, spacing: 'relaxed', theme: 'neon', font: 'comic' })).toEqual({ fontStep: DEFAULT_SETTINGS.fontStep, spacing: 'relaxed', theme: 'system', font: 'serif' });
    expect(parseSettings('garbage')).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.theme).toBe('system');
  });
});

describe('reading position', () => {
  it('finds the element at the reading line', () => {
    const boxes = [
      { id: 'a', top: -400 },
      { id: 'b', top: 40 },
      { id: 'c', top: 300 },
    ];
    expect(anchorAt(boxes, 96)).toBe('b');
    expect(anchorAt(boxes, 0)).toBe('a');
    expect(anchorAt([{ id: 'x', top: 500 }], 96)).toBeNull();
  });
  it('measures how far through the chapter the reader is', () => {
    expect(scrollFraction(0, 5000, 1000)).toBe(0);
    expect(scrollFraction(2000, 5000, 1000)).toBe(0.5);
    expect(scrollFraction(9000, 5000, 1000)).toBe(1);
    expect(scrollFraction(0, 800, 1000)).toBe(1);
  });
  it('finds previous and next chapters in reading order', () => {
    const list = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    expect(neighbours(list, 'b')).toEqual({ prev: { id: 'a' }, next: { id: 'c' } });
    expect(neighbours(list, 'a').prev).toBeNull();
    expect(neighbours(list, 'z')).toEqual({ prev: null, next: null });
  });
  it('labels progress and picks the latest chapter that still exists', () => {
    const p = (chapterId: string, maxFraction: number, updatedAt: number) => ({ chapterId, anchorId: null, fraction: maxFraction, maxFraction, updatedAt });
    // Scrolling is not reading: a record from before sections were measured keeps only its "Read" mark.
    expect(progressLabel(p('a', 0.42, 1))).toBe('Started');
    expect(progressLabel(p('a', 0.99, 1))).toBe('Read');
    const { manifest } = makeGuide(['a', 'b']);
    expect(latest([p('a', 0.1, 5), p('gone', 0.1, 9), p('b', 0.1, 7)], manifest)?.chapterId).toBe('b');
  });
});
