// @vitest-environment jsdom
import DOMPurify from 'dompurify';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { limitNesting } from '../../src/highlights/limit-nesting.ts';
import { FIRST_SCREEN_CHARS, firstScreen, pieces } from '../../src/highlights/note-chunks.ts';
import { renderProgressively, type PreviewState } from '../../src/highlights/progressive-render.ts';

/** Markup without the line breaks marked leaves between tags (they draw nothing). */
const tidy = (html: string) => html.replace(/>\n+</g, '><').trim();

/** The note rendered in one go, as the preview did before it drew in pieces. */
function oneShot(md: string): string {
  const el = document.createElement('div');
  el.innerHTML = DOMPurify.sanitize(marked.parse(limitNesting(md).markdown, { async: false, gfm: true, breaks: true }) as string);
  return tidy(el.innerHTML);
}

async function progressive(md: string): Promise<{ html: string; first: string; states: PreviewState[] }> {
  const host = document.createElement('div');
  document.body.append(host);
  const states: PreviewState[] = [];
  let first = '';
  const seen = new MutationObserver(() => {
    first ||= host.textContent ?? '';
  });
  seen.observe(host, { childList: true });
  await renderProgressively(host, md, new AbortController().signal, (s) => states.push(s));
  seen.disconnect();
  host.remove();
  return { html: tidy(host.innerHTML), first, states };
}

const NOTES: Record<string, string> = {
  'a list of 12,000 items': Array.from({ length: 12_000 }, (_, i) => `- item ${i}`).join('\n').slice(0, 99_999),
  'an ordered list of 5,000 items (numbering carries on)': Array.from({ length: 5_000 }, (_, i) => `${i + 3}. step ${i}`).join('\n'),
  'a loose list': Array.from({ length: 1_500 }, (_, i) => `* point ${i}\n\n  more on ${i}`).join('\n\n'),
  'mixed blocks with a reference defined at the end': [
    ...Array.from({ length: 400 }, (_, i) => `## Part ${i}\n\nSee [the guide][g] and **bold ${i}**.\n\n\`\`\`\ncode ${i}\n\n\`\`\`\n\n> quoted ${i}\n> > deeper`),
    '[g]: https://example.org/guide',
  ].join('\n\n'),
  'a quote per line': `${'> '.repeat(16)}x\n`.repeat(2_900),
  'one line of 99,000 characters': `${'Calibrate the model before you pick a threshold; **recall** first. '.repeat(1_500)}`.slice(0, 99_000),
};

describe('a long note is previewed first screen first, then whole, identical to one rendering', () => {
  for (const [name, md] of Object.entries(NOTES)) {
    it(name, { timeout: 60_000 }, async () => {
      const r = await progressive(md);
      expect(r.html).toBe(oneShot(md));
      expect(r.states.at(-1)).toEqual({ kind: 'done', capped: expect.any(Boolean) });
      // The first thing drawn is the beginning only, not the whole note.
      expect(r.first.length).toBeGreaterThan(0);
      expect(r.first.length).toBeLessThanOrEqual(FIRST_SCREEN_CHARS);
    });
  }

  it('sanitizes every piece: markup far down a long note is cleaned too', { timeout: 60_000 }, async () => {
    const md = `${Array.from({ length: 3_000 }, (_, i) => `- item ${i}`).join('\n')}\n\n<img src=x onerror="alert(1)"><a href="javascript:alert(1)">x</a><script>alert(1)</script>\n`;
    const { html } = await progressive(md);
    expect(html).toContain('item 2999');
    expect(html).not.toMatch(/onerror|javascript:|<script|<img/i);
  });

  it('a short note is drawn once', async () => {
    const r = await progressive('Just **one** line.');
    expect(r.html).toBe('<p>Just <strong>one</strong> line.</p>');
    expect(r.states).toEqual([{ kind: 'done', capped: false }]);
  });

  it('stops when the note leaves the screen', async () => {
    const host = document.createElement('div');
    const ctl = new AbortController();
    const states: PreviewState[] = [];
    const run = renderProgressively(host, NOTES['a list of 12,000 items']!, ctl.signal, (s) => states.push(s));
    await new Promise((r) => setTimeout(r, 0));
    ctl.abort();
    await run;
    expect(states).toEqual([]);
    expect(host.textContent).not.toContain('item 9000');
  });
});

describe('pieces of a note', () => {
  it('the first screen is whole lines, or a long first line cut at a space', () => {
    expect(firstScreen('short')).toBe('short');
    const lines = Array.from({ length: 200 }, (_, i) => `line ${i}`).join('\n');
    expect(firstScreen(lines)).toBe(`${Array.from({ length: 60 }, (_, i) => `line ${i}`).join('\n')}\n`);
    const long = 'word '.repeat(5_000);
    const cut = firstScreen(long);
    expect(cut.length).toBeLessThanOrEqual(FIRST_SCREEN_CHARS);
    expect(cut.endsWith('word')).toBe(true);
  });

  it('a long list is split between items and numbered from where each part starts', () => {
    const md = Array.from({ length: 3_000 }, (_, i) => `${i + 1}. step`).join('\n');
    const ps = pieces(marked.lexer(md));
    expect(ps.length).toBeGreaterThan(2);
    expect(ps.slice(1).every((p) => p.continuesList)).toBe(true);
    const starts = ps.map((p) => (p.tokens.at(-1) as { start: number }).start);
    const counts = ps.map((p) => (p.tokens.at(-1) as { items: unknown[] }).items.length);
    expect(starts[1]).toBe(1 + counts[0]!);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(3_000);
  });
});
