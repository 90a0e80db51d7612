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

/** Above the glossary: "Filter terms" and an A–Z index. Filtering only hides entries (no text changes). */
export function GlossaryTools({ host }: { host: HTMLElement | null }) {
  const [filter, setFilter] = useState('');
  const model = useMemo(() => (host ? entriesOf(host) : null), [host]);

  const needle = foldCase(filter.trim()).slice(0, 100);
  useEffect(() => {
    if (!model) return;
    const shownLetters = new Set<HTMLElement>();
    for (const e of model.entries) {
      const show = !needle || e.text.includes(needle);
      for (const el of e.els) el.hidden = !show;
      if (show && e.letter) shownLetters.add(e.letter);
    }
    for (const l of model.letters.values()) l.hidden = !!needle && !shownLetters.has(l);
  }, [model, needle]);
  useEffect(
    () => () => {
      if (model) for (const el of host?.querySelectorAll<HTMLElement>('[hidden]') ?? []) el.hidden = false;
    },
    [model],
  );

  if (!model) return null;
  const count = needle ? model.entries.filter((e) => e.text.includes(needle)).length : model.entries.length;
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
          return el && !el.hidden ? (
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
