import { useEffect, useState } from 'preact/hooks';
import type { ContentManifest, RubricCheckpoint } from '../shared/content-types.ts';
import { setTicked } from './attempt.ts';
import { currentAttempt, saveState, update } from './attempt-store.ts';
import { MakeCards } from './MakeCards.tsx';
import { MarkdownView } from './MarkdownView.tsx';
import { scoreAttempt } from './score.ts';
import { caseSectionId, stepBudgetMs, stepName } from './steps.ts';
import { formatDuration } from './timer.ts';
import { TreeBlock } from './TreeBlock.tsx';
import { prefixIds, sectionNodes } from './sections.ts';
import type { PracticeAttempt } from './types.ts';
import { useChapter } from './use-chapter.ts';
import { useStore } from '../ui/store.ts';
import { DownloadAttempts } from './DownloadAttempts.tsx';

/** Where a checkpoint is taught, as a link with the section's title when the guide has it. */
export function TaughtIn({ manifest, cp }: { manifest: ContentManifest; cp: RubricCheckpoint }) {
  const ch = manifest.chapters.find((c) => c.id === cp.chapterId);
  const section = ch?.outline.find((o) => o.id === cp.sectionId);
  return <a href={`/read/${cp.chapterId}#${cp.sectionId}`}>{section ? `${ch?.title}: ${section.title}` : 'Where the guide teaches this'}</a>;
}

/** After "Finish": each step's answer beside the model's, the rubric as checkboxes, the score and what was missed. */
export function Review({ manifest, attempt: a }: { manifest: ContentManifest; attempt: PracticeAttempt }) {
  const isCase = a.kind === 'case';
  const model = useChapter(manifest, isCase ? a.promptId : null);
  const save = useStore(saveState);
  const score = scoreAttempt(a.rubric, a.ticked);
  const [changed, setChanged] = useState(false);
  useEffect(() => {
    document.title = `Review: ${a.promptTitle} · MLSD Pocket`;
    setChanged((manifest.chapters.find((c) => c.id === a.promptId)?.hash ?? a.promptHash) !== a.promptHash);
  }, [a.id]);
  const tick = (id: string, on: boolean) => update(setTicked(currentAttempt.get() ?? a, id, on, Date.now()));

  return (
    <article class="screen narrow practice review">
      <p class="eyebrow">Review · {a.length}-minute interview</p>
      <h1>{a.promptTitle}</h1>
      <p class="score-total" data-score="overall">
        {score.total ? `Score: ${score.covered} of ${score.total} checkpoints (${score.percent}%)` : 'This prompt had no rubric when you started: compare your answers with the walk-through.'}
      </p>
      <p class="muted">Tick each checkpoint your answer covered. The score updates as you tick.</p>
      {changed ? <p class="muted">The guide has been updated since this attempt. Your rubric is the one you started with; the walk-through shows the current text.</p> : null}
      <details class="brief">
        <summary>The brief</summary>
        <p class="brief-text">{a.brief}</p>
      </details>
      {a.steps.map((s) => {
        const rubric = a.rubric.find((r) => r.step === s.step);
        const st = score.steps.find((x) => x.step === s.step);
        const over = s.spentMs > stepBudgetMs(a.length, s.step);
        const modelNodes = model.status === 'ready' ? prefixIds(sectionNodes(model.chapter.body, caseSectionId(s.step)), `m${s.step}-`) : [];
        return (
          <section key={s.step} class="review-step" aria-labelledby={`review-step-${s.step}`}>
            <h2 id={`review-step-${s.step}`}>
              Step {s.step}: {stepName(s.step)}
            </h2>
            <p class="meta">
              {formatDuration(s.spentMs)} of {formatDuration(stepBudgetMs(a.length, s.step))}
              {over ? <strong class="over-mark"> · over budget</strong> : null}
              {st && st.total ? ` · ${st.covered} of ${st.total} covered` : ''}
            </p>
            <div class="side-by-side">
              <div class="yours">
                <h3>Your answer</h3>
                <MarkdownView text={s.answer} />
              </div>
              <div class="model">
                <h3>{isCase ? 'The walk-through' : 'What a strong answer covers'}</h3>
                {isCase ? (
                  model.status === 'ready' ? (
                    <details>
                      <summary>Show the walk-through for this step</summary>
                      <TreeBlock nodes={modelNodes} class="practice-tree model-text" />
                    </details>
                  ) : model.status === 'loading' ? (
                    <p class="loading">Opening…</p>
                  ) : (
                    <p class="muted">The walk-through is not on this device.</p>
                  )
                ) : (
                  <ul class="taught">
                    {(rubric?.checkpoints ?? []).map((cp) => (
                      <li key={cp.id}>
                        <TaughtIn manifest={manifest} cp={cp} />
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            </div>
            {rubric?.checkpoints.length ? (
              <fieldset class="checkpoints">
                <legend>What the interviewer looks for in Step {s.step}</legend>
                {rubric.checkpoints.map((cp) => (
                  <div key={cp.id} class="checkpoint">
                    <input type="checkbox" id={`cp-${cp.id}`} checked={a.ticked.includes(cp.id)} onChange={(e) => tick(cp.id, (e.currentTarget as HTMLInputElement).checked)} />
                    <label for={`cp-${cp.id}`}>
                      <span class={`level level-${cp.level === 'L6+' ? 'l6' : cp.level.toLowerCase()}`}>{cp.level}</span> {cp.text}
                    </label>
                  </div>
                ))}
              </fieldset>
            ) : null}
          </section>
        );
      })}
      {score.total ? (
        <section aria-labelledby="missed-title" class="missed">
          <h2 id="missed-title">What you missed</h2>
          {score.missed.length === 0 ? (
            <p>Nothing: every checkpoint is ticked.</p>
          ) : (
            <>
              <ul>
                {score.missed.map((cp) => (
                  <li key={cp.id}>
                    <span class="level-text">
                      Step {cp.id.split(':r')[1]?.split('-')[0]} · {cp.level}:
                    </span>{' '}
                    {cp.text} — <TaughtIn manifest={manifest} cp={cp} />
                  </li>
                ))}
              </ul>
              <MakeCards manifest={manifest} attempt={a} missed={score.missed} />
            </>
          )}
        </section>
      ) : null}
      {save.kind === 'failed' ? (
        <p class="notice warn" role="alert">
          {save.message}
        </p>
      ) : null}
      <p class="review-links">
        <a class="btn" href={`/practice/${a.promptId}`}>
          Practise this prompt again
        </a>{' '}
        <a class="btn" href="/practice/history">
          All your attempts
        </a>{' '}
        <DownloadAttempts attempts={[a]} label="Export this attempt as Markdown" />
      </p>
    </article>
  );
}
