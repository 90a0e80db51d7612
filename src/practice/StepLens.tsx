import { useEffect, useState } from 'preact/hooks';
import { loadChapter } from '../content/loader.ts';
import type { ContentManifest, TreeNode } from '../shared/content-types.ts';
import { prefixIds, sectionNodes } from './sections.ts';
import { caseSectionId, STEP_COUNT, stepName } from './steps.ts';
import { TreeBlock } from './TreeBlock.tsx';

type Loaded = { id: string; title: string; nodes: TreeNode[] | null };

/** One step of the framework read across every case study, one after another, each with a link back. */
export function StepLens({ manifest, step }: { manifest: ContentManifest; step: number }) {
  const cases = manifest.chapters.filter((c) => c.part === 'cases');
  const sectionId = caseSectionId(step);
  const [loaded, setLoaded] = useState<Loaded[]>([]);
  useEffect(() => {
    document.title = `${step}. ${stepName(step)} in every case · MLSD Pocket`;
    let live = true;
    void (async () => {
      const out: Loaded[] = [];
      for (const c of cases) {
        const r = await loadChapter(manifest, c.id).catch(() => null);
        out.push({ id: c.id, title: c.title, nodes: r ? prefixIds(sectionNodes(r.chapter.body, sectionId), `${c.id}--`) : null });
        if (!live) return;
        setLoaded([...out]);
      }
    })();
    return () => {
      live = false;
    };
  }, [step, manifest.version]);
  const framework = manifest.chapters.find((c) => c.part === 'framework' && c.step === step);

  return (
    <div class="screen narrow practice step-lens">
      <p class="eyebrow">Step lens · {cases.length} case studies</p>
      <h1>
        {step}. {stepName(step)}
      </h1>
      <p class="lead">
        Step {step} from every case study, one after another.
        {framework ? (
          <>
            {' '}
            The step itself is taught in <a href={`/read/${framework.id}`}>{framework.title}</a>.
          </>
        ) : null}
      </p>
      <nav aria-label="Contents" class="lens-toc">
        <ol>
          {cases.map((c) => (
            <li key={c.id}>
              <a href={`#lens-${c.id}`}>{c.title}</a>
            </li>
          ))}
        </ol>
      </nav>
      {loaded.map((c) => (
        <section key={c.id} class="lens-case" aria-labelledby={`lens-${c.id}`}>
          <h2 id={`lens-${c.id}`}>{c.title}</h2>
          {c.nodes && c.nodes.length ? <TreeBlock nodes={c.nodes} class="practice-tree lens-text" /> : <p class="muted">This case is not on this device yet.</p>}
          <p>
            <a href={`/read/${c.id}#${sectionId}`}>
              Read {c.title}, step {step}, in the case
            </a>
          </p>
        </section>
      ))}
      {loaded.length < cases.length ? <p class="loading">Opening the cases…</p> : null}
      <nav aria-label="Other steps" class="lens-steps">
        {step > 1 ? (
          <a class="btn" href={`/steps/${step - 1}`} rel="prev">
            {step - 1}. {stepName(step - 1)}
          </a>
        ) : null}
        {step < STEP_COUNT ? (
          <a class="btn" href={`/steps/${step + 1}`} rel="next">
            {step + 1}. {stepName(step + 1)}
          </a>
        ) : null}
      </nav>
    </div>
  );
}
