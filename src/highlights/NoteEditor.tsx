import { useEffect, useRef, useState } from 'preact/hooks';
import { FLUSH_EVENT } from '../annotations/annotation-store.ts';
import { renderNote } from './render-note.ts';

const SAVE_DELAY = 400;

/**
 * A Markdown note that saves as you type (debounced) and flushes on blur and pagehide, so
 * nothing typed is lost when the app closes.
 */
export function NoteEditor({ value, onSave, autoFocus, label }: { value: string; onSave: (note: string) => void; autoFocus: boolean; label: string }) {
  const [text, setText] = useState(value);
  const [preview, setPreview] = useState(false);
  const pending = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);

  const flush = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (pending.current !== null) {
      onSave(pending.current);
      pending.current = null;
    }
  };
  useEffect(() => {
    if (pending.current === null) setText(value);
  }, [value]);
  useEffect(() => {
    if (autoFocus) area.current?.focus();
    addEventListener('pagehide', flush);
    addEventListener(FLUSH_EVENT, flush);
    return () => {
      removeEventListener('pagehide', flush);
      removeEventListener(FLUSH_EVENT, flush);
      flush();
    };
  }, []);

  const onInput = (e: Event) => {
    const v = (e.currentTarget as HTMLTextAreaElement).value;
    setText(v);
    pending.current = v;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(flush, SAVE_DELAY);
  };

  return (
    <div class="note-editor">
      <div class="note-tabs" role="group" aria-label="Note view">
        <button type="button" class="btn" aria-pressed={!preview} onClick={() => setPreview(false)}>
          Write
        </button>
        <button
          type="button"
          class="btn"
          aria-pressed={preview}
          onClick={() => {
            flush();
            setPreview(true);
          }}
        >
          Preview
        </button>
      </div>
      {preview ? (
        <NotePreview markdown={text} />
      ) : (
        <textarea ref={area} class="field note-input" aria-label={label} placeholder="Write a note (Markdown)…" value={text} onInput={onInput} onBlur={flush} rows={5} />
      )}
    </div>
  );
}

/** Rendered Markdown of a note, sanitized, through the one Trusted Types policy. */
export function NotePreview({ markdown }: { markdown: string }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let live = true;
    void renderNote(markdown).then((html) => {
      if (live && host.current) host.current.innerHTML = html as unknown as string;
    });
    return () => {
      live = false;
    };
  }, [markdown]);
  return <div class="note-preview prose" ref={host} />;
}
