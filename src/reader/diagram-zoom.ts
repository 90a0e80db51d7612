/** Diagrams get an Enlarge button; the dialog itself (fit, zoom, pan) is in diagram-zoom-dialog.ts. */
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
    // The zoom dialog's code loads on the first tap (not part of the first load).
    button.addEventListener('click', () => void import('./diagram-zoom-dialog.ts').then((m) => m.openZoom(figure, title)));
    figure.appendChild(button);
    buttons.push(button);
  });
  return () => buttons.forEach((b) => b.remove());
}
