import { mountInChapter } from '../ui/island.tsx';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { foldCase } from './find-text.ts';

interface Entry {
  letter: HTMLElement | null;
  els: HTMLElement[];
  text: string;
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');

/** The glossary's entries as DOM groups: each `###` term with the blocks up to the next heading. */
function entriesOf(host: HTMLElement): { entries: Entry[]; letters: Map<string, HTMLElement> } {
  const entries: Entry[] = [];
  const letters = new Map<string, HTMLElement>();
  let letter: HTMLElement | null = null;
  let current: Entry | null = null;
  for (const el of Array.from(host.children) as HTMLElement[]) {
    if (el.tagName === 'H2') {
      letter = el;
      current = null;
      const l = (el.textContent ?? '').trim().toUpperCase();
      if (l.length === 1) letters.set(l, el);
    } else if (el.tagName === 'H3') {
      current = { letter, els: [el], text: '' };
      entries.push(current);
    } else if (current && el.tagName !== 'H1') current.els.push(el);
  }
  for (const e of entries) e.text = foldCase(e.els.map((x) => x.textContent ?? '').join(' '));
  return { entries, letters };
}

/**
 * The glossary's "Filter terms" and A–Z index, placed under the glossary's heading (inside the
 * article, in a `data-ui` box that highlight offsets and Find in chapter skip).
 */
export function GlossaryTools({ host }: { host: HTMLElement | null }) {
  useEffect(() => {
    if (!host) return;
    // Under the glossary's heading (or first, before the heading arrives).
    const place = (box: HTMLElement) => {
      const heading = host.querySelector(':scope > h1');
      if (heading) heading.after(box);
      else host.prepend(box);
    };
    return mountInChapter(host, 'glossary-tools', place, <GlossaryPanel host={host} />);
  }, [host]);
  return null;
}

/** Filtering only hides entries (no text changes). */
function GlossaryPanel({ host }: { host: HTMLElement }) {
  const [filter, setFilter] = useState('');
  const model = useMemo(() => entriesOf(host), [host]);

  const needle = foldCase(filter.trim()).slice(0, 100);
  // What the filter keeps, computed here (not read back from the DOM), so the A–Z index follows it.
  const shown = useMemo(() => {
    const entries = model.entries.filter((e) => !needle || e.text.includes(needle));
    return { entries: new Set(entries), letters: new Set(entries.map((e) => e.letter)) };
  }, [model, needle]);
  useEffect(() => {
    for (const e of model.entries) for (const el of e.els) el.hidden = !shown.entries.has(e);
    for (const l of model.letters.values()) l.hidden = !!needle && !shown.letters.has(l);
  }, [model, shown]);
  useEffect(
    () => () => {
      for (const el of host.querySelectorAll<HTMLElement>('[hidden]')) el.hidden = false;
    },
    [model],
  );

  const count = shown.entries.size;
  return (
    <div class="glossary-tools" data-ui="">
      <label class="glossary-filter">
        <span>Filter terms</span>
        <input class="field" type="search" value={filter} maxLength={100} autoComplete="off" onInput={(e) => setFilter((e.target as HTMLInputElement).value)} />
      </label>
      <p class="glossary-count" role="status">
        {count === 0 ? `No term matches “${filter.trim().slice(0, 40)}”.` : `${count} ${count === 1 ? 'term' : 'terms'}`}
      </p>
      <nav class="az" aria-label="Glossary A to Z">
        {LETTERS.map((l) => {
          const el = model.letters.get(l);
          return el && (!needle || shown.letters.has(el)) ? (
            <a key={l} href={`#${el.id}`}>
              {l}
            </a>
          ) : (
            <span key={l} aria-hidden="true">
              {l}
            </span>
          );
        })}
      </nav>
    </div>
  );
}
