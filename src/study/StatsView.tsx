import { useEffect, useState } from 'preact/hooks';
import type { ContentManifest } from '../shared/content-types.ts';
import { StorageFailure } from '../storage/errors.ts';
import type { StudyStats } from './stats.ts';
import { readStudyStats } from './study-store.ts';
import { formatDay } from '../ui/dates.ts';
import { formatCount } from '../ui/numbers.ts';
import './study.css';

const DAYS = 30;
/** "Today: 3", "Yesterday: 0", "4 Dec: 2": a day's bar, named by the app's one date formatter. */
const dayLabel = (daysAgo: number, now: number, n: number) => {
  const d = new Date(now);
  d.setDate(d.getDate() - daysAgo);
  const day = formatDay(d.getTime(), { now });
  return `${day.charAt(0).toUpperCase()}${day.slice(1)}: ${n === 1 ? '1 review' : `${n} reviews`}`;
};

/** Study statistics, computed on the device from the review log: nothing needs a network. */
export function StatsView({ manifest }: { manifest: ContentManifest }) {
  const [stats, setStats] = useState<StudyStats | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    document.title = 'Study statistics · MLSD Pocket';
    void (async () => {
      try {
        const at = Date.now();
        const read = await readStudyStats(manifest, DAYS, at);
        setNow(at);
        setStats(read);
      } catch (err) {
        setError(err instanceof StorageFailure ? err.message : 'Your statistics could not be read. Reload to try again.');
      }
    })();
  }, [manifest.version]);

  const max = Math.max(1, ...(stats?.perDay ?? [1]));
  return (
    <div class="screen narrow stats">
      <h1>Study statistics</h1>
      {error && <p class="notice warn" role="alert">{error}</p>}
      {!stats && !error && <p class="loading" aria-busy="true">Counting your reviews…</p>}
      {stats && stats.totalReviews === 0 && (
        <div class="stats-empty">
          <p>No reviews yet. Once you review a few cards, your streak, how well you recall and your reviews per day show here.</p>
          <p>
            <a class="btn primary" href="/review">
              Go to Review
            </a>
          </p>
        </div>
      )}
      {stats && stats.totalReviews > 0 && (
        <>
          <dl class="stats-grid">
            <div>
              <dt>Streak</dt>
              <dd>{stats.streak === 1 ? '1 day' : `${stats.streak} days`}</dd>
            </div>
            <div>
              <dt>True retention</dt>
              <dd>{stats.trueRetention === null ? 'Not yet' : `${Math.round(stats.trueRetention * 100)} %`}</dd>
            </div>
            <div>
              <dt>Reviews in all</dt>
              <dd>{formatCount(stats.totalReviews)}</dd>
            </div>
          </dl>
          <p class="meta">
            True retention: the share of reviews of graduated cards you recalled (Hard, Good or Easy),{' '}
            {stats.retentionSample === 0
              ? 'counted once a card you learned comes back for review.'
              : `over ${stats.retentionSample === 1 ? '1 review' : `${formatCount(stats.retentionSample)} reviews`}.`}
          </p>
          <h2>Reviews per day</h2>
          <ol class="per-day" aria-label={`Reviews per day, the last ${DAYS} days`}>
            {stats.perDay.map((n, i) => (
              <li key={i} style={{ height: `${(n / max) * 100}%` }} title={`${n}`} aria-label={dayLabel(DAYS - 1 - i, now, n)} />
            ))}
          </ol>
          <p class="meta">Today: {stats.perDay.at(-1)} · the last 7 days: {stats.perDay.slice(-7).reduce((a, b) => a + b, 0)}</p>
          <h2>Cards by state</h2>
          <dl class="stats-grid">
            {(
              [
                ['New', stats.byState.new],
                ['Learning', stats.byState.learning],
                ['Review', stats.byState.review],
                ['Relearning', stats.byState.relearning],
                ['Retired', stats.byState.retired],
              ] as const
            ).map(([name, n]) => (
              <div key={name}>
                <dt>{name}</dt>
                <dd>{formatCount(n)}</dd>
              </div>
            ))}
          </dl>
          <p class="meta">Retired cards left the guide or changed their question; their history is kept.</p>
          <p>
            <a class="btn" href="/review">
              Back to Review
            </a>
          </p>
        </>
      )}
    </div>
  );
}
