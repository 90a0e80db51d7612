import { useEffect, useRef, useState } from 'preact/hooks';
import { navigate } from '../app/router.ts';
import { FAMILY_NAMES, type ContentManifest, type TreeNode } from '../shared/content-types.ts';
import { treeText } from '../shared/tree-text.ts';
import { startAttempt } from './attempt.ts';
import { flush, listAttempts, onAttemptsChanged, sample, saveState, update } from './attempt-store.ts';
import { AttemptList } from './AttemptList.tsx';
import { introNodes, sectionNodes } from './sections.ts';
import { LENGTHS, type InterviewLength } from './steps.ts';
import { TreeBlock } from './TreeBlock.tsx';
import type { PracticeAttempt } from './types.ts';
import { FAILED_TO_OPEN, useChapter } from './use-chapter.ts';

/** A prompt as the interviewer gives it (a case study shows only its framing, never the walk-through), and the start buttons. */
export function PromptPage({ manifest, id }: { manifest: ContentManifest; id: string }) {
  const meta = manifest.chapters.find((c) => c.id === id && (c.part === 'cases' || c.part === 'prompts'));
  const state = useChapter(manifest, meta ? id : null);
  const [attempts, setAttempts] = useState<PracticeAttempt[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  // A double tap on Start must not begin two interviews.
  const starting = useRef(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (meta) document.title = `${meta.title} · Practice · MLSD Pocket`;
    const load = () =>
      listAttempts()
        .then((list) => setAttempts(list.filter((a) => a.promptId === id)))
        .catch(() => setAttempts([]));
    void load();
    // An interview finished (or started) in another tab: "Continue your interview" follows.
    return onAttemptsChanged(() => void load());
  }, [id]);

  if (!meta) {
    return (
      <section class="screen narrow">
        <h1>No such prompt</h1>
        <p>
          This prompt is not in the guide on this device. <a href="/practice">See every prompt</a>.
        </p>
      </section>
    );
  }
  const chapter = state.status === 'ready' ? state.chapter : null;
  const briefNodes: TreeNode[] = chapter ? (meta.part === 'prompts' ? sectionNodes(chapter.body, 'brief') : introNodes(chapter.body)) : [];
  const scaleNodes: TreeNode[] = chapter && meta.part === 'prompts' ? sectionNodes(chapter.body, 'scale') : [];
  const running = attempts.find((a) => a.status !== 'finished');

  const start = async (length: InterviewLength) => {
    if (!chapter || starting.current) return;
    starting.current = true;
    setBusy(true);
    setProblem(null);
    const brief = [treeText(briefNodes), ...(scaleNodes.length ? ['Scale:', treeText(scaleNodes)] : [])].join('\n').trim();
    const a = startAttempt(
      { id: crypto.randomUUID(), meta, contentVersion: manifest.version, brief, rubric: chapter.rubric ?? [], length },
      sample(),
    );
    update(a, true);
    await flush();
    const s = saveState.get();
    // Not saved yet (storage full): the attempt lives on this page and is retried; the interview still starts.
    if (s.kind === 'failed') setProblem(s.message);
    navigate(`/practice/attempt/${a.id}`);
  };

  return (
    <article class="screen narrow practice prompt-page">
      <p class="eyebrow">
        {meta.part === 'cases' ? 'Case study' : 'Prompt'}
        {meta.family ? ` · ${FAMILY_NAMES[meta.family]}` : ''}
      </p>
      <h1>{meta.title}</h1>
      {state.status === 'loading' ? <p class="loading">Opening…</p> : null}
      {state.status === 'missing' || state.status === 'error' ? <p class="notice warn">{FAILED_TO_OPEN}</p> : null}
      {chapter ? (
        <>
          <section aria-labelledby="brief-title">
            <h2 id="brief-title">The brief</h2>
            <TreeBlock nodes={briefNodes} />
            {scaleNodes.length ? (
              <>
                <h3>Scale</h3>
                <TreeBlock nodes={scaleNodes} />
              </>
            ) : null}
          </section>
          {meta.part === 'cases' ? <p class="muted">The walk-through stays hidden until you finish; you compare with it in the review.</p> : null}
          {!chapter.rubric?.length ? <p class="muted">This prompt has no rubric yet: you can still run the interview and compare with the walk-through.</p> : null}
          {running ? (
            <p>
              <a class="btn primary" href={`/practice/attempt/${running.id}`}>
                Continue your interview
              </a>
            </p>
          ) : null}
          <div class="start-buttons">
            {LENGTHS.map((len) => (
              <button key={len} type="button" class={`btn${running ? '' : ' primary'}`} disabled={busy} onClick={() => void start(len)}>
                Start a {len}-minute interview
              </button>
            ))}
          </div>
          {problem ? <p class="notice warn" role="alert">{problem}</p> : null}
        </>
      ) : null}
      {attempts.length ? (
        <section aria-labelledby="past-title">
          <h2 id="past-title">Your attempts at this prompt</h2>
          <AttemptList attempts={attempts} />
        </section>
      ) : null}
    </article>
  );
}
