import type { ContentManifest } from '../shared/content-types.ts';
import { treeText } from '../shared/tree-text.ts';
import { getChapter } from '../storage/content-repo.ts';
import { openPocketDb } from '../storage/db.ts';
import { loadAllAnnotations, updateAnnotation } from './annotation-store.ts';
import { anchorFor } from './selectors.ts';

/**
 * After the guide changed, re-anchors every highlight saved against an older text of its chapter —
 * including chapters not opened since — so the notebook shows at once what needs a new place.
 */
export async function reanchorStale(manifest: ContentManifest): Promise<number> {
  const hashOf = new Map(manifest.chapters.map((c) => [c.id, c.hash]));
  const stale = (await loadAllAnnotations()).filter((a) => a.anchor && hashOf.has(a.chapterId) && a.chapterHash !== hashOf.get(a.chapterId));
  if (!stale.length) return 0;
  const { reanchor } = await import('./reanchor.ts');
  const db = await openPocketDb();
  const texts = new Map<string, string | null>();
  for (const a of stale) {
    if (!texts.has(a.chapterId)) {
      const chapter = await getChapter(db, a.chapterId);
      texts.set(a.chapterId, chapter && chapter.hash === hashOf.get(a.chapterId) ? treeText(chapter.body) : null);
    }
    const text = texts.get(a.chapterId);
    if (!text || !a.anchor) continue; // the new text is not stored yet: try again after the next sync
    const chapterHash = hashOf.get(a.chapterId)!;
    const r = reanchor(a.anchor, text);
    if (r.status === 'anchored') {
      updateAnnotation(a.id, { anchor: anchorFor(text, r.start, r.end), status: 'anchored', chapterHash, contentVersion: manifest.version });
    } else updateAnnotation(a.id, { status: 'orphaned', chapterHash, contentVersion: manifest.version });
  }
  return stale.length;
}
