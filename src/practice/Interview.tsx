import { useEffect, useRef, useState } from 'preact/hooks';
import { finishAttempt, nextStep, overBudget, pauseAttempt, resumeAttempt, timeView } from './attempt.ts';
import { AnswerField } from './AnswerField.tsx';
import { currentAttempt, sample, saveState, update } from './attempt-store.ts';
import { BUDGET_MINUTES, GUIDING_QUESTIONS, STEP_COUNT, stepName } from './steps.ts';
import { formatDuration } from './timer.ts';
import type { PracticeAttempt } from './types.ts';
import { useStore } from '../ui/store.ts';
import { holdWakeLock } from './wake-lock.ts';

const RE_ANCHOR_MS = 30_000;

/** The running interview: the current step, time left overall and for the step, the answer field, Next step / Pause / Finish. */
export function Interview({ attempt: a }: { attempt: PracticeAttempt }) {
  const [now, setNow] = useState(sample);
  // Finishing before the last step ends a timed attempt for good: ask once, beside the button.
  const [confirming, setConfirming] = useState(false);
  const save = useStore(saveState);
  const running = a.status === 'running';

  useEffect(() => {
    document.title = `Interview: ${a.promptTitle} · MLSD Pocket`;
  }, [a.promptTitle]);
  useEffect(() => {
    if (!running) return;
    const tick = setInterval(() => setNow(sample()), 1000);
    // Save the clock now and then, so a crash loses little even if the wall clock jumps while closed.
    const anchor = setInterval(() => update(currentAttempt.get() ?? a), RE_ANCHOR_MS);
    const release = holdWakeLock();
    return () => {
      clearInterval(tick);
      clearInterval(anchor);
      release();
    };
  }, [running, a.id]);

  const t = timeView(a, now);
  const step = a.currentStep;
  // After "Next step" here (not when another tab moves on), the new step's answer field takes the
  // focus: its label names the step, so a screen reader says where the interview is, and typing goes on.
  const movedOn = useRef(false);
  useEffect(() => {
    if (!movedOn.current) return;
    movedOn.current = false;
    document.getElementById(`answer-${step}`)?.focus();
  }, [step]);
  const name = stepName(step);
  const act = (f: (x: PracticeAttempt, n: ReturnType<typeof sample>) => PracticeAttempt) => {
    const n = sample();
    setNow(n);
    update(f(currentAttempt.get() ?? a, n), true);
  };

  return (
    <article class="screen narrow practice interview">
      <p class="eyebrow">{a.length}-minute interview</p>
      <h1>{a.promptTitle}</h1>
      <div class="clocks">
        <p class="clock">
          <span class="clock-label">Time left</span>
          <span class="clock-value" data-clock="overall">{t.overMs > 0 ? `over by ${formatDuration(t.overMs)}` : formatDuration(t.leftMs)}</span>
        </p>
        <p class={`clock${t.stepOverMs > 0 ? ' over' : ''}`}>
          <span class="clock-label">Step {step} left</span>
          <span class="clock-value" data-clock="step">{t.stepOverMs > 0 ? `over by ${formatDuration(t.stepOverMs)}` : formatDuration(t.stepLeftMs)}</span>
        </p>
      </div>
      {a.status === 'paused' ? <p class="notice warn">Paused. The clock is stopped until you resume.</p> : null}
      <ol class="step-track" aria-label="Steps">
        {Array.from({ length: STEP_COUNT }, (_, i) => i + 1).map((s) => {
          const over = s <= step && overBudget(a, s, now);
          return (
            <li key={s} class={`${s === step ? 'current' : s < step ? 'done' : ''}${over ? ' over' : ''}`} aria-current={s === step ? 'step' : undefined}>
              <span class="step-no">{s}</span>
              <span class="sr-only">
                {stepName(s)}, {BUDGET_MINUTES[a.length][s - 1]} minutes{over ? ', over budget' : ''}
              </span>
            </li>
          );
        })}
      </ol>
      <h2>
        Step {step}: {name}
      </h2>
      <p class="meta">
        Budget {BUDGET_MINUTES[a.length][step - 1]} min · spent {formatDuration(t.stepElapsedMs)}
        {t.stepOverMs > 0 ? <strong class="over-mark"> · over budget</strong> : null}
      </p>
      <details class="guiding">
        <summary>Guiding questions</summary>
        <ul>
          {(GUIDING_QUESTIONS[step - 1] ?? []).map((q) => (
            <li key={q}>{q}</li>
          ))}
        </ul>
      </details>
      <AnswerField key={step} attempt={a} step={step} rows={10} />
      <p class="save-state" role="status">
        {save.kind === 'failed' ? <span class="notice warn">{save.message}</span> : save.kind === 'pending' ? 'Saving…' : 'Saved on this device'}
      </p>
      <div class="interview-actions">
        {step < STEP_COUNT ? (
          <button type="button" class="btn primary" onClick={() => ((movedOn.current = true), act(nextStep))}>
            Next step
          </button>
        ) : null}
        {running ? (
          <button type="button" class="btn" onClick={() => act(pauseAttempt)}>
            Pause
          </button>
        ) : (
          <button type="button" class="btn primary" onClick={() => act(resumeAttempt)}>
            Resume
          </button>
        )}
        <button type="button" class="btn" onClick={() => (step < STEP_COUNT && !confirming ? setConfirming(true) : act(finishAttempt))}>
          Finish
        </button>
      </div>
      {confirming && step < STEP_COUNT ? (
        <div class="notice warn finish-confirm" role="group" aria-label="Finish early?">
          <p>
            Finish now, with {STEP_COUNT - step} {STEP_COUNT - step === 1 ? 'step' : 'steps'} not reached? The attempt is scored as it stands.
          </p>
          <button type="button" class="btn primary" onClick={() => act(finishAttempt)}>
            Finish now
          </button>
          <button type="button" class="btn" onClick={() => setConfirming(false)}>
            Keep going
          </button>
        </div>
      ) : null}
      {step > 1 ? (
        <details class="earlier">
          <summary>Your earlier steps</summary>
          {a.steps.slice(0, step - 1).map((s) => (
            <div key={s.step} class="earlier-step">
              <AnswerField attempt={a} step={s.step} rows={4} />
            </div>
          ))}
        </details>
      ) : null}
    </article>
  );
}
