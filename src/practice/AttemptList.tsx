import { scoreAttempt } from './score.ts';
import { stepTimes } from './step-times.ts';
import type { PracticeAttempt } from './types.ts';
import { formatDateTime } from '../ui/dates.ts';

/** Attempts, newest first: date, length, time per step and score; each opens its review (or the interview still running). */
export function AttemptList({ attempts, showTitle = false }: { attempts: readonly PracticeAttempt[]; showTitle?: boolean }) {
  const now = Date.now();
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
                {formatDateTime(a.createdAt, { now })} · {a.length} min · {finished ? (score.total ? `score ${score.percent}% (${score.covered} of ${score.total})` : 'finished') : a.status === 'paused' ? 'paused' : 'in progress'}
              </span>
              <span class="step-times">{stepTimes(a)}</span>
            </a>
          </li>
        );
      })}
    </ol>
  );
}
