import { useEffect, useRef, useState } from 'preact/hooks';
import { loadChapter } from '../content/loader.ts';
import type { ChapterPayload, ContentManifest } from '../shared/content-types.ts';
import { definitionOf } from './documents.ts';

type Shown = { termId: string; label: string; term: string; text: string | null; href: string };

let glossaryCache: { hash: string; chapter: ChapterPayload } | null = null;

async function glossaryOf(manifest: ContentManifest): Promise<ChapterPayload | null> {
  const meta = manifest.chapters.find((c) => c.part === 'glossary');
  if (!meta) return null;
  if (glossaryCache?.hash === meta.hash) return glossaryCache.chapter;
  const loaded = await loadChapter(manifest, meta.id);
  if (!loaded) return null;
  glossaryCache = { hash: meta.hash, chapter: loaded.chapter };
  return loaded.chapter;
}

/** Tapping a [[term]] in a chapter shows its definition in place, with "Open in glossary". */
export function TermPopover({ host, manifest }: { host: HTMLElement | null; manifest: ContentManifest }) {
  const [shown, setShown] = useState<Shown | null>(null);
  const from = useRef<HTMLElement | null>(null);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!host) return;
    const onClick = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
      const a = (e.target as Element | null)?.closest?.('a.term') as HTMLAnchorElement | null;
      if (!a || !getSelection()?.isCollapsed) return;
      const url = new URL(a.href, location.href);
      const termId = decodeURIComponent(url.hash.slice(1));
      if (!termId || url.pathname === location.pathname) return;
      e.preventDefault();
      from.current = a;
      const label = a.textContent ?? termId;
      setShown({ termId, label, term: label, text: null, href: `${url.pathname}${url.hash}` });
      void glossaryOf(manifest)
        .then((g) => {
          const def = g ? definitionOf(g, termId) : null;
          setShown((s) =>
            s?.termId === termId ? { ...s, term: def?.term ?? label, text: def?.text ?? 'This term has no entry in the saved glossary.' } : s,
          );
        })
        .catch(() => setShown((s) => (s?.termId === termId ? { ...s, text: 'The glossary could not be opened on this device.' } : s)));
    };
    host.addEventListener('click', onClick);
    return () => host.removeEventListener('click', onClick);
  }, [host, manifest]);

  useEffect(() => {
    if (!shown) return;
    box.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && close();
    const onDown = (e: PointerEvent) => !box.current?.contains(e.target as Node) && close(false);
    addEventListener('keydown', onKey);
    addEventListener('pointerdown', onDown, true);
    return () => {
      removeEventListener('keydown', onKey);
      removeEventListener('pointerdown', onDown, true);
    };
  }, [shown?.termId]);

  const close = (refocus = true) => {
    setShown(null);
    if (refocus) from.current?.focus();
  };

  if (!shown) return null;
  return (
    <div ref={box} class="term-pop" role="dialog" aria-modal="false" aria-labelledby="term-pop-title" tabIndex={-1} data-ui="">
      <h2 id="term-pop-title">{shown.term}</h2>
      <p aria-live="polite">{shown.text ?? 'Opening the definition…'}</p>
      <div class="term-pop-actions">
        <a class="btn primary" href={shown.href} onClick={() => setShown(null)}>
          Open in glossary
        </a>
        <button type="button" class="btn" onClick={() => close()}>
          Close
        </button>
      </div>
    </div>
  );
}
