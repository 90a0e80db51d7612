import { useEffect, useState } from 'preact/hooks';
import type { ContentManifest } from '../shared/content-types.ts';
import { StorageFailure } from '../storage/errors.ts';
import { useStore } from '../ui/store.ts';
import { currentAttempt, keepSaved, openAttempt } from './attempt-store.ts';
import { Interview } from './Interview.tsx';
import { Review } from './Review.tsx';

/** One attempt: the running interview until "Finish", then its review. */
export function AttemptScreen({ manifest, id }: { manifest: ContentManifest; id: string }) {
  const [state, setState] = useState<'loading' | 'missing' | 'error' | 'ready'>('loading');
  const [why, setWhy] = useState<string | null>(null);
  const attempt = useStore(currentAttempt);
  useEffect(() => {
    keepSaved();
    openAttempt(id)
      .then((a) => setState(a ? 'ready' : 'missing'))
      .catch((err: unknown) => {
        setWhy(err instanceof StorageFailure ? err.message : null);
        setState('error');
      });
  }, [id]);

  if (state === 'loading') return <p class="loading">Opening…</p>;
  if (state !== 'ready' || !attempt || attempt.id !== id) {
    return (
      <section class="screen narrow">
        <h1>{state === 'error' ? 'Attempt not opened' : 'Attempt not found'}</h1>
        <p>
          {state === 'error'
            ? (why ?? 'Your attempts could not be read from this device’s storage just now. Try again in a moment.')
            : 'This attempt is not on this device.'}{' '}
          <a href="/practice/history">See your attempts</a>.
        </p>
      </section>
    );
  }
  return attempt.status === 'finished' ? <Review manifest={manifest} attempt={attempt} /> : <Interview attempt={attempt} />;
}
