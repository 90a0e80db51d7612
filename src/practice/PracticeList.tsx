import { useEffect, useState } from 'preact/hooks';
import { FAMILIES, FAMILY_NAMES, type ContentManifest, type Family } from '../shared/content-types.ts';
import { listAttempts } from './attempt-store.ts';
import { scoreAttempt } from './score.ts';
import type { PracticeAttempt } from './types.ts';

/** Every case study and every prompt, filterable by family, with what the reader has done on each. */
export function PracticeList({ manifest, family }: { manifest: ContentManifest; family: string | null }) {
  const [attempts, setAttempts] = useState<PracticeAttempt[]>([]);
  useEffect(() => {
    document.title = 'Practice · MLSD Pocket';
    listAttempts().then(setAttempts).catch(() => setAttempts([]));
  }, []);
  const active = FAMILIES.includes(family as Family) ? (family as Family) : null;
  const prompts = manifest.chapters.filter((c) => (c.part === 'cases' || c.part === 'prompts') && (!active || c.family === active));
  const summary = (id: string) => {
    const mine = attempts.filter((a) => a.promptId === id);
    const done = mine.filter((a) => a.status === 'finished');
    if (!mine.length) return 'Not practised yet';
    const best = Math.max(0, ...done.map((a) => scoreAttempt(a.rubric, a.ticked).percent));
    return `${mine.length} attempt${mine.length === 1 ? '' : 's'}${done.length ? ` · best ${best}%` : ''}`;
  };

  return (
    <div class="screen practice">
      <h1>Practice</h1>
      <p class="lead">Pick a prompt and run a timed mock interview through the seven steps, then grade it against the rubric.</p>
      <p>
        <a class="btn" href="/practice/history">
          Your attempts
        </a>
      </p>
      <nav aria-label="Filter by family" class="family-filter">
        <a class="chip" href="/practice" aria-current={active ? undefined : 'page'}>
          All
        </a>
        {FAMILIES.map((f) => (
          <a key={f} class="chip" href={`/practice?family=${f}`} aria-current={active === f ? 'page' : undefined}>
            {FAMILY_NAMES[f]}
          </a>
        ))}
      </nav>
      <h2 class="sr-only">{active ? FAMILY_NAMES[active] : 'All prompts'}</h2>
      {prompts.length === 0 ? (
        <p>No prompts in this family yet.</p>
      ) : (
        <ul class="prompt-list">
          {prompts.map((c) => (
            <li key={c.id}>
              <a class="tile prompt-link" href={`/practice/${c.id}`}>
                <span class="eyebrow">
                  {c.part === 'cases' ? 'Case study' : 'Prompt'}
                  {c.family ? ` · ${FAMILY_NAMES[c.family]}` : ''}
                </span>
                <span class="prompt-title">{c.title}</span>
                <span class="meta">
                  {c.checkpoints ? `${c.checkpoints} checkpoints` : 'No rubric yet'} · {summary(c.id)}
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
