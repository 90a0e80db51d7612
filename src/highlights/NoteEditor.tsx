import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { FLUSH_EVENT } from '../annotations/annotation-store.ts';
import type { Annotation } from '../annotations/types.ts';
import { LIMITS } from '../notebook/backup-format.ts';
import { renderProgressively, type PreviewState } from './progressive-render.ts';
import { formatCount } from '../ui/numbers.ts';

const SAVE_DELAY = 400;
/** The counter shows from this share of the limit on. */
const COUNTER_FROM = 0.9;

/**
 * A Markdown note that saves as you type (debounced) and flushes on blur and pagehide, so
 * nothing typed is lost when the app closes. It remembers the version its text grew from and
 * hands it to `onSave`, so an edit made meanwhile in another tab is merged, not overwritten.
 * A note is held to the importer's limit (so every backup restores); text over the limit stays
 * on screen, with a counter and a message, and is not saved until it is shortened.
 */
export function NoteEditor({
  record,
  onSave,
  autoFocus,
  label,
}: {
  record: Annotation;
  onSave: (note: string, base: Annotation) => Annotation | null;
  autoFocus: boolean;
  label: string;
}) {
  const [text, setText] = useState(record.note);
  const [preview, setPreview] = useState(false);
  const pending = useRef<string | null>(null);
  const base = useRef<Annotation>(record);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);

  const flush = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (pending.current === null || pending.current.length > LIMITS.maxNote) return;
    const saved = onSave(pending.current, base.current);
    pending.current = null;
    if (saved) base.current = saved;
  };
  useEffect(() => {
    // Adopt a newer version (another tab's, or a merge) only while nothing typed here waits.
    if (pending.current !== null) return;
    base.current = record;
    setText(record.note);
  }, [record]);
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
  const over = text.length - LIMITS.maxNote;

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
        <textarea
          ref={area}
          class="field note-input"
          aria-label={label}
          aria-describedby={text.length >= LIMITS.maxNote * COUNTER_FROM ? 'note-count' : undefined}
          placeholder="Write a note (Markdown)…"
          value={text}
          onInput={onInput}
          onBlur={flush}
          rows={5}
        />
      )}
      {text.length >= LIMITS.maxNote * COUNTER_FROM && (
        <p id="note-count" class={over > 0 ? 'note-count notice warn' : 'note-count meta'} aria-live="polite">
          {formatCount(text.length)} / {formatCount(LIMITS.maxNote)} characters
          {over > 0 && ` — ${formatCount(over)} over the limit. Shorten the note to save it; until then the last version within the limit is kept and this text stays here.`}
        </p>
      )}
    </div>
  );
}

/**
 * Rendered Markdown of a note, sanitized, through the one Trusted Types policy; the first screen
 * at once and the rest in pieces (see progressive-render.ts); plain text if formatting fails.
 */
export function NotePreview({ markdown }: { markdown: string }) {
  const host = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<{ of: string; state: PreviewState } | null>(null);
  const shown = state?.of === markdown ? state.state : { kind: 'working' as const };
  useLayoutEffect(() => {
    const el = host.current;
    if (!el) return;
    const ctl = new AbortController();
    void renderProgressively(el, markdown, ctl.signal, (s) => setState({ of: markdown, state: s }));
    return () => ctl.abort();
  }, [markdown]);
  if (shown.kind === 'failed') {
    return (
      <div class="note-preview">
        <p class="notice">This note could not be formatted, so it is shown as plain text.</p>
        <p class="note-plain">{markdown}</p>
      </div>
    );
  }
  return (
    <>
      {shown.kind === 'done' && shown.capped && <p class="notice">Deep nesting in this note is shown flattened.</p>}
      <div class="note-preview prose" ref={host} />
    </>
  );
}
