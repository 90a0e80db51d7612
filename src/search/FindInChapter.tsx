import { useEffect, useRef, useState } from 'preact/hooks';
import { ChevronDown, ChevronUp, X } from 'lucide-preact';
import { findAll, findLabel, MAX_FIND } from './find-text.ts';
import { paint, rangeOf, textMap } from './text-ranges.ts';

/** "Find in chapter": every match marked, the current one scrolled into view, "3 of 12". */
export function FindInChapter({ host }: { host: HTMLElement | null }) {
  const [open, setOpen] = useState(false);
  const [needle, setNeedle] = useState('');
  const [ranges, setRanges] = useState<Range[]>([]);
  const [current, setCurrent] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open || !host) return;
    const map = textMap(host);
    const found = findAll(map.text, needle).map(([s, e]) => rangeOf(map, s, e)).filter((r): r is Range => r !== null);
    setRanges(found);
    setCurrent(0);
  }, [needle, open, host]);

  useEffect(() => {
    paint('find-match', ranges);
    const r = ranges[current];
    paint('find-current', r ? [r] : []);
    if (r) {
      const box = r.getBoundingClientRect();
      if (box.top < 120 || box.bottom > innerHeight - 80) scrollBy({ top: box.top - innerHeight / 3 });
    }
  }, [ranges, current]);

  useEffect(() => () => (paint('find-match', []), void paint('find-current', [])), []);

  const step = (d: number) => ranges.length && setCurrent((current + d + ranges.length) % ranges.length);
  const close = () => {
    setOpen(false);
    setNeedle('');
    setRanges([]);
    toggle.current?.focus();
  };

  return (
    <div class={`find${open ? ' open' : ''}`} data-ui="">
      <button
        ref={toggle}
        type="button"
        class="btn find-toggle"
        aria-expanded={open}
        onClick={() => (open ? close() : (setOpen(true), setTimeout(() => input.current?.focus(), 0)))}
      >
        Find in chapter
      </button>
      {open && (
        <div class="find-bar" role="search" aria-label="Find in this chapter">
          <input
            ref={input}
            class="field find-input"
            type="search"
            aria-label="Text to find"
            placeholder="Find in this chapter"
            value={needle}
            maxLength={200}
            autoComplete="off"
            onInput={(e) => setNeedle((e.target as HTMLInputElement).value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') (e.preventDefault(), step(e.shiftKey ? -1 : 1));
              if (e.key === 'Escape') close();
            }}
          />
          <span class="find-count" role="status">
            {needle.trim() ? findLabel(current, ranges.length, ranges.length >= MAX_FIND) : ''}
          </span>
          <button type="button" class="icon-btn" aria-label="Previous match" disabled={ranges.length === 0} onClick={() => step(-1)}>
            <ChevronUp aria-hidden="true" size={20} />
          </button>
          <button type="button" class="icon-btn" aria-label="Next match" disabled={ranges.length === 0} onClick={() => step(1)}>
            <ChevronDown aria-hidden="true" size={20} />
          </button>
          <button type="button" class="icon-btn" aria-label="Close find" onClick={close}>
            <X aria-hidden="true" size={20} />
          </button>
        </div>
      )}
    </div>
  );
}
