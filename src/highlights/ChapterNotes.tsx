import { annotationsVersion, chapterAnnotations, putAnnotation } from '../annotations/annotation-store.ts';
import type { OutlineEntry } from '../shared/content-types.ts';
import { useStore } from '../ui/store.ts';
import { newAnnotation, type ChapterRef } from './new-annotation.ts';
import { NotePreview } from './NoteEditor.tsx';
import { openAnnotation } from './ui-state.ts';

/** Notes on the whole chapter or one of its sections, at the end of the chapter. */
export function ChapterNotes({ chapter, outline }: { chapter: ChapterRef; outline: OutlineEntry[] }) {
  useStore(annotationsVersion);
  const notes = chapterAnnotations(chapter.chapterId)
    .filter((a) => a.anchor === null)
    .sort((a, b) => a.createdAt - b.createdAt);
  const titleOf = (sectionId: string | null) => (sectionId ? outline.find((o) => o.id === sectionId)?.title ?? 'A section' : 'Whole chapter');
  const add = () => {
    const a = newAnnotation(chapter, { anchor: null, colour: null });
    putAnnotation(a);
    openAnnotation.set({ id: a.id, focusNote: true });
  };
  return (
    <aside class="chapter-notes" aria-labelledby="chapter-notes-h">
      <h2 id="chapter-notes-h">Your notes on this chapter</h2>
      {notes.length === 0 && <p class="meta">Select text to highlight it, or write a note on the whole chapter or one section.</p>}
      <ul>
        {notes.map((n) => (
          <li key={n.id}>
            <p class="eyebrow">{titleOf(n.sectionId)}</p>
            {n.note.trim() ? <NotePreview markdown={n.note} /> : <p class="meta">(empty note)</p>}
            <button type="button" class="btn" onClick={() => openAnnotation.set({ id: n.id, focusNote: true })}>
              Edit note
            </button>
          </li>
        ))}
      </ul>
      <button type="button" class="btn" onClick={add}>
        Add a chapter note
      </button>
    </aside>
  );
}
