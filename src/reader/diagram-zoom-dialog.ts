/**
 * Diagrams open full screen to be enlarged and panned: a native <dialog> with the drawing fitted
 * to the screen and centred, then 1×–4× of that (buttons, pinch, double-tap), dragged with a
 * finger or scrolled, built with DOM calls only.
 */
const ZOOMS = [1, 1.5, 2, 3, 4];
const MAX_ZOOM = 4;
const DOUBLE_TAP_MS = 300;

export function openZoom(figure: HTMLElement, title: string): void {
  const svg = figure.querySelector('svg');
  if (!svg) return;
  const dialog = document.createElement('dialog');
  dialog.className = 'zoom-dialog';
  dialog.setAttribute('aria-label', title);
  const bar = document.createElement('div');
  bar.className = 'zoom-bar';
  const heading = document.createElement('p');
  heading.className = 'zoom-title';
  heading.textContent = title;
  const viewport = document.createElement('div');
  viewport.className = 'zoom-viewport';
  viewport.tabIndex = 0;
  viewport.setAttribute('role', 'region');
  viewport.setAttribute('aria-label', 'Diagram, scroll or drag to pan');
  const copy = svg.cloneNode(true) as SVGSVGElement;
  // Ids must stay unique on the page: the copy gets its own.
  copy.querySelectorAll('[id]').forEach((el) => el.setAttribute('id', `zoom-${el.id}`));
  copy.querySelectorAll('[marker-end]').forEach((el) =>
    el.setAttribute('marker-end', (el.getAttribute('marker-end') ?? '').replace('url(#', 'url(#zoom-')),
  );
  copy.setAttribute('aria-labelledby', (copy.getAttribute('aria-labelledby') ?? '').split(' ').map((x) => `zoom-${x}`).join(' '));
  viewport.appendChild(copy);
  const natural = Number(svg.getAttribute('width')) || 320;
  const naturalH = Number(svg.getAttribute('height')) || natural * 0.75;
  /** Zoom over "fit to screen" (1 = the whole diagram in view, as large as the screen allows). */
  let zoom = 1;
  const fit = () => fitScale(natural, naturalH, viewport.clientWidth - 16, viewport.clientHeight - 16);
  const apply = (focus?: { x: number; y: number }) => {
    const before = { w: copy.getBoundingClientRect().width || 1, left: viewport.scrollLeft, top: viewport.scrollTop };
    copy.style.width = `${Math.round(natural * fit() * zoom)}px`;
    copy.style.maxWidth = 'none';
    if (focus) {
      // Keep the point under the fingers (or the centre) where it was.
      const k = copy.getBoundingClientRect().width / before.w;
      viewport.scrollLeft = (before.left + focus.x) * k - focus.x;
      viewport.scrollTop = (before.top + focus.y) * k - focus.y;
    }
    zoomOut.disabled = zoom <= 1;
    zoomIn.disabled = zoom >= MAX_ZOOM;
    dialog.dataset.zoom = zoom.toFixed(2);
  };
  const centre = () => ({ x: viewport.clientWidth / 2, y: viewport.clientHeight / 2 });
  const setZoom = (z: number, focus = centre()) => {
    zoom = Math.min(MAX_ZOOM, Math.max(1, z));
    apply(focus);
  };
  const mk = (label: string, text: string, onClick: () => void) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'btn';
    b.textContent = text;
    b.setAttribute('aria-label', label);
    b.addEventListener('click', onClick);
    return b;
  };
  const zoomOut = mk('Zoom out', '−', () => setZoom([...ZOOMS].reverse().find((z) => z < zoom - 0.01) ?? 1));
  const zoomIn = mk('Zoom in', '+', () => setZoom(ZOOMS.find((z) => z > zoom + 0.01) ?? MAX_ZOOM));
  const fitButton = mk('Fit to screen', 'Fit', () => setZoom(1));
  const close = mk('Close diagram', 'Close', () => dialog.close());
  bar.append(heading, zoomOut, fitButton, zoomIn, close);
  dialog.append(bar, viewport);
  enableDragPan(viewport);
  enableTouchZoom(viewport, () => zoom, setZoom);
  dialog.addEventListener('close', () => dialog.remove());
  document.body.appendChild(dialog);
  dialog.showModal();
  apply();
}

/** Pure: the scale that fits a w×h drawing in a box, enlarging it when there is room (up to 3×). */
export function fitScale(w: number, h: number, boxW: number, boxH: number): number {
  if (w <= 0 || h <= 0 || boxW <= 0 || boxH <= 0) return 1;
  return Math.min(3, boxW / w, boxH / h);
}

/** Two fingers pinch to zoom; a double tap switches between fit and 2×. */
function enableTouchZoom(el: HTMLElement, get: () => number, set: (z: number, focus: { x: number; y: number }) => void): void {
  const touches = new Map<number, { x: number; y: number }>();
  let pinch: { dist: number; zoom: number } | null = null;
  let lastTap = 0;
  const local = (x: number, y: number) => {
    const r = el.getBoundingClientRect();
    return { x: x - r.left, y: y - r.top };
  };
  const spread = () => {
    const [a, b] = [...touches.values()];
    return a && b ? { dist: Math.hypot(a.x - b.x, a.y - b.y), mid: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 } } : null;
  };
  el.addEventListener('pointerdown', (e) => {
    if (e.pointerType !== 'touch') return;
    touches.set(e.pointerId, local(e.clientX, e.clientY));
    const s = spread();
    if (s) pinch = { dist: s.dist, zoom: get() };
    else {
      const now = e.timeStamp;
      if (now - lastTap < DOUBLE_TAP_MS) {
        set(get() > 1.01 ? 1 : 2, local(e.clientX, e.clientY));
        lastTap = 0;
      } else lastTap = now;
    }
  });
  el.addEventListener('pointermove', (e) => {
    if (!touches.has(e.pointerId)) return;
    touches.set(e.pointerId, local(e.clientX, e.clientY));
    const s = spread();
    if (pinch && s && pinch.dist > 0) set(pinch.zoom * (s.dist / pinch.dist), s.mid);
  });
  const up = (e: PointerEvent) => {
    touches.delete(e.pointerId);
    if (touches.size < 2) pinch = null;
  };
  el.addEventListener('pointerup', up);
  el.addEventListener('pointercancel', up);
}

/** Drag with a mouse or pen to pan (touch scrolls natively). */
function enableDragPan(el: HTMLElement): void {
  let start: { x: number; y: number; left: number; top: number } | null = null;
  el.addEventListener('pointerdown', (e) => {
    if (e.pointerType === 'touch') return;
    start = { x: e.clientX, y: e.clientY, left: el.scrollLeft, top: el.scrollTop };
    el.setPointerCapture(e.pointerId);
  });
  el.addEventListener('pointermove', (e) => {
    if (!start) return;
    el.scrollLeft = start.left - (e.clientX - start.x);
    el.scrollTop = start.top - (e.clientY - start.y);
  });
  const end = () => (start = null);
  el.addEventListener('pointerup', end);
  el.addEventListener('pointercancel', end);
}
