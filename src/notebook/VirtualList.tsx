import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';

interface Props<T> {
  items: readonly T[];
  keyOf: (item: T) => string;
  /** A first guess of a row's height, replaced by its measured height once shown. */
  estimate: (item: T) => number;
  render: (item: T) => ComponentChildren;
  /** Rows drawn beyond the screen, above and below. */
  overscan?: number;
}

/**
 * A list that draws only the rows near the screen (the page itself scrolls), so 10,000 entries
 * cost what 30 do. Row heights are measured as rows are drawn; the space of the others is kept
 * by two spacers, so the scroll bar and positions stay right.
 */
export function VirtualList<T>({ items, keyOf, estimate, render, overscan = 6 }: Props<T>) {
  const host = useRef<HTMLDivElement>(null);
  const heights = useRef(new Map<string, number>());
  const [measured, bump] = useState(0);

  const tops = useMemo(() => {
    const out = new Float64Array(items.length + 1);
    for (let i = 0; i < items.length; i++) out[i + 1] = out[i]! + (heights.current.get(keyOf(items[i]!)) ?? estimate(items[i]!));
    return out;
  }, [items, measured]);
  // Before the list's place on the page is known: the rows that would fill a screen and a half from its top.
  const [range, setRange] = useState<[number, number]>(() => {
    let last = 0;
    while (last < items.length && tops[last]! < innerHeight * 1.5) last++;
    return [0, Math.min(items.length, last + overscan)];
  });

  useEffect(() => {
    const update = () => {
      const el = host.current;
      if (!el) return;
      const top = el.getBoundingClientRect().top;
      const from = -top - innerHeight * 0.5;
      const to = -top + innerHeight * 1.5;
      let first = 0;
      let lo = 0;
      let hi = items.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (tops[mid + 1]! < from) lo = mid + 1;
        else hi = mid;
      }
      first = Math.max(0, lo - overscan);
      let last = lo;
      while (last < items.length && tops[last]! < to) last++;
      last = Math.min(items.length, last + overscan);
      setRange((r) => (r[0] === first && r[1] === last ? r : [first, last]));
    };
    update();
    addEventListener('scroll', update, { passive: true });
    addEventListener('resize', update);
    return () => {
      removeEventListener('scroll', update);
      removeEventListener('resize', update);
    };
  }, [items, tops]);

  // Measure what was drawn; a changed height redraws the spacers.
  useLayoutEffect(() => {
    const el = host.current;
    if (!el) return;
    let changed = false;
    el.querySelectorAll<HTMLElement>(':scope > [data-row]').forEach((row) => {
      const key = row.dataset.row!;
      const h = row.getBoundingClientRect().height;
      if (Math.abs((heights.current.get(key) ?? -1) - h) > 0.5) {
        heights.current.set(key, h);
        changed = true;
      }
    });
    if (changed) bump((n) => n + 1);
  });

  const [first, last] = [Math.min(range[0], items.length), Math.min(range[1], items.length)];
  return (
    <div ref={host} class="vlist">
      <div style={{ height: `${tops[first] ?? 0}px` }} aria-hidden="true" />
      {items.slice(first, last).map((item) => (
        <div key={keyOf(item)} data-row={keyOf(item)}>
          {render(item)}
        </div>
      ))}
      <div style={{ height: `${(tops[items.length] ?? 0) - (tops[last] ?? 0)}px` }} aria-hidden="true" />
    </div>
  );
}
