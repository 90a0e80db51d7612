import { useEffect, useState } from 'preact/hooks';
import type { ContentManifest } from '../shared/content-types.ts';
import { listAttempts } from './attempt-store.ts';
import { AttemptList } from './AttemptList.tsx';
import { DownloadAttempts } from './DownloadAttempts.tsx';
import { progressLine } from './progress.ts';
import type { PracticeAttempt } from './types.ts';

/** Every attempt, grouped by prompt, with the scores of successive attempts so progress shows. */
export function HistoryView({ manifest }: { manifest: ContentManifest }) {
  const [attempts, setAttempts] = useState<PracticeAttempt[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    document.title = 'Your attempts · Practice · MLSD Pocket';
    listAttempts()
      .then(setAttempts)
      .catch(() => setFailed(true));
  }, []);
  const groups = new Map<string, PracticeAttempt[]>();
  for (const a of attempts ?? []) groups.set(a.promptId, [...(groups.get(a.promptId) ?? []), a]);

  return (
    <div class="screen narrow practice history">
      <h1>Your attempts</h1>
      {failed ? <p class="notice warn">Your attempts could not be read from this device’s storage just now. Try again in a moment.</p> : null}
      {attempts === null && !failed ? <p class="loading">Opening…</p> : null}
      {attempts && attempts.length === 0 ? (
        <p>
          No mock interviews yet. <a href="/practice">Pick a prompt</a> and start one.
        </p>
      ) : null}
      {attempts && attempts.length > 0 ? (
        <>
          <p>
            <DownloadAttempts attempts={attempts} label="Export all attempts as Markdown" />
          </p>
          <p class="muted">Your attempts are also in the backup file (Notebook → Export → JSON backup).</p>
          {[...groups.entries()].map(([promptId, list]) => (
            <section key={promptId} aria-labelledby={`h-${promptId}`}>
              <h2 id={`h-${promptId}`}>
                <a href={`/practice/${promptId}`}>{manifest.chapters.find((c) => c.id === promptId)?.title ?? list[0]?.promptTitle}</a>
              </h2>
              {progressLine(list) ? <p class="progress-line">{progressLine(list)}</p> : null}
              <AttemptList attempts={list} />
            </section>
          ))}
        </>
      ) : null}
    </div>
  );
}
