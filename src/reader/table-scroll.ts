/**
 * Wide tables scroll sideways in their own box with the first column kept in view (CSS sticky);
 * this marks a box while it is scrolled (shadow on the first column's edge) and while more
 * lies to the right (shadow on the box's right edge).
 */
export function enhanceTables(host: HTMLElement): () => void {
  const boxes = Array.from(host.querySelectorAll<HTMLElement>('.table-scroll'));
  const update = (box: HTMLElement) => {
    box.classList.toggle('scrolled', box.scrollLeft > 1);
    box.classList.toggle('more', box.scrollLeft + box.clientWidth < box.scrollWidth - 1);
  };
  const listeners = boxes.map((box) => {
    const on = () => update(box);
    box.addEventListener('scroll', on, { passive: true });
    update(box);
    return () => box.removeEventListener('scroll', on);
  });
  const ro = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => boxes.forEach(update));
  boxes.forEach((b) => ro?.observe(b));
  return () => {
    listeners.forEach((off) => off());
    ro?.disconnect();
  };
}
