import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { shippedClassicScript } from '../../src/content/build/classic-scripts-plugin.ts';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, FONT_SIZES, LINE_HEIGHTS, parseSettings } from '../../src/settings/reader-settings.ts';

// What ships: the file as the build emits it (comments left out).
const script = shippedClassicScript(readFileSync(resolve(import.meta.dirname, '../../src/settings/theme-boot.js'), 'utf8'));

/** Runs theme-boot.js against a fake root element and storage; returns what it set. */
function boot(stored: string | null, systemDark = false) {
  const attrs: Record<string, string> = {};
  const props: Record<string, string> = {};
  const root = { setAttribute: (k: string, v: string) => (attrs[k] = v), style: { setProperty: (k: string, v: string) => (props[k] = v) } };
  runInNewContext(script, {
    document: { documentElement: root },
    localStorage: { getItem: () => stored },
    window: { matchMedia: true },
    matchMedia: () => ({ matches: systemDark }),
  });
  return { attrs, props };
}

describe('theme-boot.js (the theme before first paint)', () => {
  it('applies the saved dark theme, size, spacing and font exactly as applySettings does', () => {
    const { attrs, props } = boot(JSON.stringify({ theme: 'dark', fontStep: 10, spacing: 'relaxed', font: 'sans' }));
    expect(attrs).toEqual({ 'data-theme': 'dark', 'data-scheme': 'dark', 'data-font': 'sans' });
    expect(props).toEqual({ '--reader-size': '32px', '--reader-leading': '1.75' });
  });
  it('follows the system until the reader chooses, and survives garbage', () => {
    expect(boot(null, true).attrs['data-scheme']).toBe('dark');
    expect(boot('{not json', false).attrs).toEqual({ 'data-theme': 'system', 'data-scheme': 'light', 'data-font': 'serif' });
    expect(boot(JSON.stringify({ theme: 'sepia', fontStep: 99 })).props['--reader-size']).toBe(`${FONT_SIZES[DEFAULT_SETTINGS.fontStep]}px`);
    expect(boot(JSON.stringify({ theme: 'sepia' })).attrs['data-scheme']).toBe('sepia');
  });
  it('knows every size and spacing the settings know (the two lists cannot drift apart)', () => {
    FONT_SIZES.forEach((px, step) => expect(boot(JSON.stringify({ fontStep: step })).props['--reader-size']).toBe(`${px}px`));
    expect(boot(JSON.stringify({ fontStep: FONT_SIZES.length })).props['--reader-size']).toBe(`${FONT_SIZES[DEFAULT_SETTINGS.fontStep]}px`);
    for (const [k, v] of Object.entries(LINE_HEIGHTS)) expect(boot(JSON.stringify({ spacing: k })).props['--reader-leading']).toBe(String(v));
    expect(Math.max(...FONT_SIZES)).toBeGreaterThanOrEqual(32);
    expect(parseSettings({ font: 'sans' }).font).toBe('sans');
    expect(parseSettings({ font: 'comic' }).font).toBe('serif');
  });
});
