import { PART_TITLES } from '../app/guide.ts';
import { chapterPath, READING_PARTS, type ContentManifest, type Part } from '../shared/content-types.ts';
import { latest, progressLabel } from './progress-label.ts';
import { BackupReminder } from './BackupReminder.tsx';
import { CaseFamilies } from './CaseFamilies.tsx';
import { ChapterTile } from './ChapterTile.tsx';
import { LibraryOverview, PartProgress } from './LibraryOverview.tsx';
import { useLibraryData } from './use-library-data.ts';
import { lazyComponent } from '../ui/lazy.tsx';
import './library.css';

const GuideCards = lazyComponent(() => import('../study/LibraryCards.tsx').then((m) => m.GuideCards), false);
const ChapterCards = lazyComponent(() => import('../study/LibraryCards.tsx').then((m) => m.ChapterCards), false);

export function Library({ manifest, part }: { manifest: ContentManifest; part: Part | null }) {
  const { progress, saved } = useLibraryData(manifest);

  const last = latest([...progress.values()], manifest);
  const lastMeta = last && manifest.chapters.find((c) => c.id === last.chapterId);

  return (
    <div class="screen library">
      <h1>Library</h1>
      <BackupReminder />
      {/* Its room is kept while its code loads, so nothing below it moves when it arrives. */}
      <div class="library-study-slot">
        <GuideCards manifest={manifest} />
      </div>
      <p class="library-practice"><a class="btn" href="/practice">Practice</a> a timed mock interview, graded against a rubric.</p>
      {lastMeta && last ? (
        <a class="continue-card" href={`${chapterPath(lastMeta.id)}${last.anchorId ? `#${last.anchorId}` : ''}`}>
          <span class="eyebrow">Continue reading</span>
          <span class="continue-title">{lastMeta.title}</span>
          <span class="meta">{progressLabel(last, lastMeta)}</span>
        </a>
      ) : (
        <a class="continue-card" href={chapterPath(manifest.chapters[0]?.id ?? '')}>
          <span class="eyebrow">Start here</span>
          <span class="continue-title">{manifest.chapters[0]?.title}</span>
          <span class="meta">{manifest.chapters[0]?.summary}</span>
        </a>
      )}
      <LibraryOverview manifest={manifest} part={part} progress={progress} saved={saved} />
      {READING_PARTS.filter((p) => part === null || p === part).map((p) => {
        const chapters = manifest.chapters.filter((c) => c.part === p);
        if (!chapters.length) return null;
        if (p === 'cases') return <CaseFamilies key={p} chapters={chapters} progress={progress} saved={saved} />;
        return (
          <section key={p} id={`part-${p}`} class="part" aria-labelledby={`part-${p}-title`}>
            <h2 id={`part-${p}-title`}>{PART_TITLES[p]}</h2>
            <PartProgress chapters={chapters} progress={progress} />
            <ol class="chapter-list">
              {chapters.map((c) => (
                <ChapterTile key={c.id} c={c} pr={progress.get(c.id)} saved={saved} extra={<ChapterCards chapterId={c.id} cardCount={c.cardCount} />} />
              ))}
            </ol>
          </section>
        );
      })}
    </div>
  );
}
