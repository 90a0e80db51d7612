/**
 * Diagrams open full screen to be enlarged and panned: a native <dialog> with the drawing at
 * 1×–4×, dragged with a finger or scrolled, built with DOM calls only.
 */
const ZOOMS = [1, 1.5, 2, 3, 4];

export function enhanceDiagrams(host: HTMLElement): () => void {
  const buttons: HTMLButtonElement[] = [];
  host.querySelectorAll<HTMLElement>('figure.diagram').forEach((figure) => {
    const title = figure.querySelector('figcaption')?.textContent ?? 'diagram';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'btn enlarge';
    button.dataset.ui = 'enlarge'; // app control, not chapter text (highlight offsets skip it)
    button.textContent = 'Enlarge';
    button.setAttribute('aria-label', `Enlarge diagram: ${title}`);
    button.addEventListener('click', () => openZoom(figure, title));
    figure.appendChild(button);
    buttons.push(button);
  });
  return () => buttons.forEach((b) => b.remove());
}

function openZoom(figure: HTMLElement, title: string): void {
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
  let level = 0;
  const fit = () => Math.min(1, (viewport.clientWidth - 16) / natural);
  const apply = () => {
    copy.style.width = `${Math.round(natural * fit() * (ZOOMS[level] ?? 1))}px`;
    copy.style.maxWidth = 'none';
    zoomOut.disabled = level === 0;
    zoomIn.disabled = level === ZOOMS.length - 1;
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
  const zoomOut = mk('Zoom out', '−', () => {
    level = Math.max(0, level - 1);
    apply();
  });
  const zoomIn = mk('Zoom in', '+', () => {
    level = Math.min(ZOOMS.length - 1, level + 1);
    apply();
  });
  const close = mk('Close diagram', 'Close', () => dialog.close());
  bar.append(heading, zoomOut, zoomIn, close);
  dialog.append(bar, viewport);
  enableDragPan(viewport);
  dialog.addEventListener('close', () => dialog.remove());
  document.body.appendChild(dialog);
  dialog.showModal();
  level = 1;
  apply();
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
