import { scoreAttempt } from './score.ts';
import { formatDuration } from './timer.ts';
import type { PracticeAttempt } from './types.ts';

const when = (t: number) => new Date(t).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Attempts, newest first: date, length, time per step and score; each opens its review (or the interview still running). */
export function AttemptList({ attempts, showTitle = false }: { attempts: readonly PracticeAttempt[]; showTitle?: boolean }) {
  return (
    <ol class="attempt-list">
      {attempts.map((a) => {
        const score = scoreAttempt(a.rubric, a.ticked);
        const finished = a.status === 'finished';
        return (
          <li key={a.id}>
            <a class="tile attempt-link" href={`/practice/attempt/${a.id}`}>
              {showTitle ? <span class="prompt-title">{a.promptTitle}</span> : null}
              <span class="meta">
                {when(a.createdAt)} · {a.length} min · {finished ? (score.total ? `score ${score.percent}% (${score.covered} of ${score.total})` : 'finished') : a.status === 'paused' ? 'paused' : 'in progress'}
              </span>
              <span class="step-times">
                {a.steps.map((s) => `${s.step}: ${formatDuration(s.spentMs)}`).join(' · ')}
              </span>
            </a>
          </li>
        );
      })}
    </ol>
  );
}
