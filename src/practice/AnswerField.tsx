import { currentAttempt, update } from './attempt-store.ts';
import { setAnswer } from './attempt.ts';
import { stepName } from './steps.ts';
import type { PracticeAttempt } from './types.ts';
import { formatCount } from '../ui/numbers.ts';

/**
 * Far beyond any spoken interview step (45 minutes of fast typing is about 20,000 characters in
 * all), and small enough that seven full answers stay inside the sync server's document limit
 * (400,000 characters) and the backup importer's, so every attempt written travels and restores.
 */
export const MAX_ANSWER_CHARS = 40_000;
/** The counter shows from this share of the limit on. */
const COUNTER_FROM = 0.9;

/** One step's answer field: saved as you type, held to the answer limit with a counter near it. */
export function AnswerField({ attempt, step, rows }: { attempt: PracticeAttempt; step: number; rows: number }) {
  const value = attempt.steps[step - 1]?.answer ?? '';
  const id = `answer-${step}`;
  const near = value.length >= MAX_ANSWER_CHARS * COUNTER_FROM;
  return (
    <>
      <label for={id} class="answer-label">
        Your answer for Step {step}: {stepName(step)}
      </label>
      <textarea
        id={id}
        class="field answer"
        rows={rows}
        spellcheck
        maxLength={MAX_ANSWER_CHARS}
        aria-describedby={near ? `${id}-count` : undefined}
        value={value}
        onInput={(e) => update(setAnswer(currentAttempt.get() ?? attempt, step, (e.currentTarget as HTMLTextAreaElement).value.slice(0, MAX_ANSWER_CHARS), Date.now()))}
      />
      {near ? (
        <p id={`${id}-count`} class={`answer-count ${value.length >= MAX_ANSWER_CHARS ? 'notice warn' : 'meta'}`} aria-live="polite">
          {value.length >= MAX_ANSWER_CHARS
            ? `This answer is at its limit of ${formatCount(MAX_ANSWER_CHARS)} characters; anything pasted past it was not added.`
            : `${formatCount(value.length)} of ${formatCount(MAX_ANSWER_CHARS)} characters`}
        </p>
      ) : null}
    </>
  );
}
