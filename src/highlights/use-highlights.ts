import { useEffect } from 'preact/hooks';
import { annotationsVersion, chapterAnnotations, loadChapterAnnotations, updateAnnotation } from '../annotations/annotation-store.ts';
import { anchorFor } from '../annotations/selectors.ts';
import { chapterText } from '../annotations/text-offsets.ts';
import { paintHighlights, type PaintItem } from './paint.ts';

/**
 * Keeps a mounted chapter's highlights painted: loads them, re-anchors any saved against an
 * older text of the chapter (or marks them orphaned), and repaints in the same frame whenever
 * they change.
 */
export function useHighlights(host: HTMLElement | null, chapterId: string, chapterHash: string, contentVersion: string, ready: boolean): void {
  useEffect(() => {
    if (!host || !ready) return;
    let signature = '';
    const repaint = () => {
      const items: PaintItem[] = chapterAnnotations(chapterId)
        .filter((a) => a.status === 'anchored' && a.anchor)
        .sort((a, b) => a.anchor!.position.start - b.anchor!.position.start)
        .map((a) => ({ id: a.id, start: a.anchor!.position.start, end: a.anchor!.position.end, colour: a.colour ?? 'yellow', hasNote: a.note.trim() !== '' }));
      const next = JSON.stringify(items);
      if (next === signature) return;
      signature = next;
      const t0 = performance.now();
      paintHighlights(host, items);
      performance.measure('highlights-paint', { start: t0, detail: items.length });
    };
    let live = true;
    void loadChapterAnnotations(chapterId).then(async (list) => {
      if (!live) return;
      const stale = list.filter((a) => a.anchor && a.chapterHash !== chapterHash);
      // The matcher loads only when the chapter changed under a saved highlight.
      const { reanchor } = stale.length ? await import('../annotations/reanchor.ts') : { reanchor: null };
      if (!live) return;
      const text = chapterText(host);
      for (const a of stale) {
        if (!a.anchor || !reanchor) continue;
        const r = reanchor(a.anchor, text);
        if (r.status === 'anchored') {
          updateAnnotation(a.id, { anchor: anchorFor(text, r.start, r.end), status: 'anchored', chapterHash, contentVersion });
        } else updateAnnotation(a.id, { status: 'orphaned', chapterHash, contentVersion });
      }
      repaint();
      // A link from the notebook (#hl-<id>) can only land once the marks are painted.
      if (location.hash.startsWith('#hl-')) document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView({ block: 'center' });
    });
    const stop = annotationsVersion.subscribe(repaint);
    return () => {
      live = false;
      stop();
    };
  }, [host, chapterId, chapterHash, ready]);
}
