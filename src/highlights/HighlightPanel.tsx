import { findAnnotation, removeAnnotation, updateAnnotation, annotationsVersion } from '../annotations/annotation-store.ts';
import { COLOURS } from '../annotations/types.ts';
import { lazyComponent } from '../ui/lazy.tsx';
import { useStore } from '../ui/store.ts';
import { X } from '../ui/icons.tsx';
import { COLOUR_NAMES, rememberColour } from './colours.ts';
import { NoteEditor } from './NoteEditor.tsx';
import { openAnnotation, undoAction } from './ui-state.ts';

const MakeCard = lazyComponent(() => import('../study/MakeCard.tsx').then((m) => m.MakeCard), false);

/** The open highlight or note: change its colour, edit or delete its note, delete it (with Undo). */
export function HighlightPanel({ sections }: { sections: { id: string; title: string }[] }) {
  const open = useStore(openAnnotation);
  useStore(annotationsVersion);
  const a = open ? findAnnotation(open.id) : undefined;
  if (!open || !a) return null;
  const isHighlight = a.anchor !== null;
  const close = () => {
    // A note opened and left empty leaves nothing behind.
    if (!isHighlight && findAnnotation(a.id)?.note.trim() === '') removeAnnotation(a.id);
    openAnnotation.set(null);
  };
  const title = isHighlight ? 'Highlight' : a.sectionId ? 'Section note' : 'Chapter note';

  const remove = () => {
    const undo = removeAnnotation(a.id);
    close();
    if (undo) undoAction.set({ message: `${title} deleted`, undo });
  };

  return (
    <section class="hl-panel" role="dialog" aria-modal="false" aria-label={title}>
      <div class="hl-panel-head">
        <h2 class="hl-panel-title">{title}</h2>
        <button type="button" class="icon-btn" aria-label="Close" onClick={close}>
          <X aria-hidden="true" size={22} />
        </button>
      </div>
      {isHighlight && (
        <>
          <blockquote class={`hl-quote hl-${a.colour ?? 'yellow'}`}>{a.anchor!.quote.exact}</blockquote>
          {a.status === 'orphaned' && <p class="notice warn">The guide changed and this passage could not be found again. Its text and note are kept here.</p>}
          <div class="swatches" role="radiogroup" aria-label="Colour">
            {COLOURS.map((c) => (
              <button
                key={c}
                type="button"
                role="radio"
                class={`swatch-btn sw-${c}`}
                aria-checked={a.colour === c}
                aria-label={COLOUR_NAMES[c]}
                onClick={() => {
                  rememberColour(c);
                  updateAnnotation(a.id, { colour: c });
                }}
              />
            ))}
          </div>
        </>
      )}
      {!isHighlight && (
        <label class="section-pick">
          Applies to
          <select class="field" value={a.sectionId ?? ''} onChange={(e) => updateAnnotation(a.id, { sectionId: (e.currentTarget as HTMLSelectElement).value || null })}>
            <option value="">The whole chapter</option>
            {sections.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>
        </label>
      )}
      <NoteEditor key={a.id} record={a} label="Note" autoFocus={open.focusNote} onSave={(note, base) => updateAnnotation(a.id, { note }, base)} />
      {isHighlight && <MakeCard key={`card-${a.id}`} highlightId={a.id} chapterId={a.chapterId} quote={a.anchor!.quote.exact} />}
      <div class="hl-panel-actions">
        <button type="button" class="btn danger" onClick={remove}>
          {isHighlight ? 'Delete highlight' : 'Delete note'}
        </button>
        <button type="button" class="btn" onClick={close}>
          Done
        </button>
      </div>
    </section>
  );
}
