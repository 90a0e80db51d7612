import { contentStatus, updateWaiting, applyUpdate } from '../sw-bridge/index.ts';
import { useStore } from '../ui/store.ts';
import { saveProblem } from '../annotations/save-problem.ts';
import { UndoBar } from '../highlights/UndoBar.tsx';
import { storageProblem } from './storage-problem.ts';
import { failureText } from '../storage/errors.ts';
import { useEffect, useRef, useState } from 'preact/hooks';
import { lazyComponent } from '../ui/lazy.tsx';

const MirrorNotice = lazyComponent(() => import('../mirror/MirrorNotice.tsx').then((m) => m.MirrorNotice), false);

/** Saving progress, "Ready offline", storage problems and the update prompt, in one polite region; and the restore notice. */
export function StatusBar() {
  const status = useStore(contentStatus);
  const waiting = useStore(updateWaiting);
  const problem = useStore(storageProblem);
  const unsaved = useStore(saveProblem);
  const [showReady, setShowReady] = useState(false);
  const region = useRef<HTMLDivElement>(null);
  // "Ready offline" only after this page saw chapters being saved (first save, resume or update),
  // not on every launch where the worker merely confirms the guide is current.
  const sawSaving = useRef(false);
  if (status?.phase === 'downloading') sawSaving.current = true;

  // Panels that sit at the bottom of the screen move up by the status cards' height.
  useEffect(() => {
    const el = region.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => document.documentElement.style.setProperty('--status-h', `${Math.ceil(el.getBoundingClientRect().height)}px`));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  useEffect(() => {
    if (status?.phase !== 'ready' || !sawSaving.current) return;
    sawSaving.current = false;
    setShowReady(true);
    const t = setTimeout(() => setShowReady(false), 4000);
    return () => clearTimeout(t);
  }, [status?.phase === 'ready' ? status.version : null]);

  return (
    <>
      {/* The restore notice sits in the page's flow (above the screen), never over it: see MirrorNotice. */}
      <MirrorNotice />
      <div class="status" role="status" aria-live="polite" ref={region}>
        {status?.phase === 'downloading' && (
          <div class="status-card">
            <p>
              {status.firstInstall ? 'Saving the guide for offline' : 'Updating the guide'} — {status.done} of {status.total}{' '}
              {status.firstInstall ? 'chapters' : 'changed chapters'}
            </p>
            <progress max={status.total} value={status.done} aria-label="Saving the guide" />
          </div>
        )}
        {status?.phase === 'ready' && showReady && (
          <div class="status-card ok">
            <p>{status.updated ? 'Guide updated — ready offline' : 'Ready offline'}</p>
          </div>
        )}
        {status?.phase === 'failed' && (
          <div class="status-card warn">
            <p>{status.message}</p>
          </div>
        )}
        {problem && !unsaved && (
          <div class="status-card warn">
            <p>{failureText(problem)}</p>
          </div>
        )}
        {unsaved && (
          <div class="status-card warn">
            <p>{unsaved}</p>
          </div>
        )}
        <UndoBar />
        {waiting && (
          <div class="status-card update">
            <p>New version available</p>
            <button type="button" class="btn primary" onClick={() => void applyUpdate()}>
              Reload
            </button>
          </div>
        )}
      </div>
    </>
  );
}
