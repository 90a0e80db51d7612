import { useEffect, useRef, useState } from 'preact/hooks';
import { renderNote } from '../highlights/render-note.ts';

/** The user's Markdown, shown only through the one sanitizer (marked → DOMPurify, Trusted Types). */
export function MarkdownView({ text }: { text: string }) {
  const host = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    if (!text.trim()) {
      host.current?.replaceChildren();
      return;
    }
    renderNote(text)
      .then((r) => {
        if (!live) return;
        if (r.kind === 'text') setFailed(true);
        else if (host.current) host.current.innerHTML = r.html as unknown as string;
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [text]);
  if (!text.trim()) return <p class="muted">No answer written for this step.</p>;
  // If the renderer cannot load, the answer is still shown, as plain text.
  return failed ? <pre class="answer-plain">{text}</pre> : <div ref={host} class="answer-md" />;
}
