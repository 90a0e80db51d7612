import { useEffect, useState } from 'preact/hooks';
import { PART_TITLES } from '../app/guide.ts';
import { chapterPath, READING_PARTS, type ContentManifest, type Part } from '../shared/content-types.ts';
import { openPocketDb } from '../storage/db.ts';
import { allProgress } from '../storage/progress-repo.ts';
import type { ReadingProgress } from '../storage/schema.ts';
import { latest, progressLabel } from './progress-label.ts';
import { BackupReminder } from './BackupReminder.tsx';
import './library.css';

export function Library({ manifest, part }: { manifest: ContentManifest; part: Part | null }) {
  const [progress, setProgress] = useState<Map<string, ReadingProgress>>(new Map());
  useEffect(() => {
    openPocketDb()
      .then(allProgress)
      .then((list) => setProgress(new Map(list.map((p) => [p.chapterId, p]))))
      .catch(() => setProgress(new Map()));
  }, [manifest.version]);
  useEffect(() => {
    if (part) document.getElementById(`part-${part}`)?.scrollIntoView();
  }, [part]);

  const last = latest([...progress.values()], manifest);
  const lastMeta = last && manifest.chapters.find((c) => c.id === last.chapterId);

  return (
    <div class="screen library">
      <h1>Library</h1>
      <BackupReminder />
      {lastMeta && last ? (
        <a class="continue-card" href={`${chapterPath(lastMeta.id)}${last.anchorId ? `#${last.anchorId}` : ''}`}>
          <span class="eyebrow">Continue reading</span>
          <span class="continue-title">{lastMeta.title}</span>
          <span class="meta">{progressLabel(last)}</span>
        </a>
      ) : (
        <a class="continue-card" href={chapterPath(manifest.chapters[0]?.id ?? '')}>
          <span class="eyebrow">Start here</span>
          <span class="continue-title">{manifest.chapters[0]?.title}</span>
          <span class="meta">{manifest.chapters[0]?.summary}</span>
        </a>
      )}
      {READING_PARTS.map((p) => {
        const chapters = manifest.chapters.filter((c) => c.part === p);
        if (!chapters.length) return null;
        return (
          <section key={p} id={`part-${p}`} class="part" aria-labelledby={`part-${p}-title`}>
            <h2 id={`part-${p}-title`}>{PART_TITLES[p]}</h2>
            <ol class="chapter-list">
              {chapters.map((c) => {
                const pr = progress.get(c.id);
                return (
                  <li key={c.id}>
                    <a href={chapterPath(c.id)} class="tile chapter-link">
                      <span class="chapter-title">
                        {c.step ? <span class="step">Step {c.step}</span> : null}
                        {c.title}
                      </span>
                      <span class="summary">{c.summary}</span>
                      <span class="meta">
                        {c.minutes} min · {pr ? progressLabel(pr) : 'Not started'}
                      </span>
                      {pr ? (
                        <span class="bar" aria-hidden="true">
                          <span style={{ width: `${Math.round(pr.maxFraction * 100)}%` }} />
                        </span>
                      ) : null}
                    </a>
                  </li>
                );
              })}
            </ol>
          </section>
        );
      })}
    </div>
  );
}
