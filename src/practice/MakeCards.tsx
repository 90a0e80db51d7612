import { useState } from 'preact/hooks';
import type { ContentManifest, RubricCheckpoint } from '../shared/content-types.ts';
import { StorageFailure } from '../storage/errors.ts';
import { currentAttempt, update } from './attempt-store.ts';
import { missedCards } from './missed-cards.ts';
import type { PracticeAttempt } from './types.ts';
import { formatOnDay } from '../ui/dates.ts';

/** "Make cards from what I missed": one review card per missed checkpoint, linked to where the guide teaches it. */
export function MakeCards({ manifest, attempt, missed }: { manifest: ContentManifest; attempt: PracticeAttempt; missed: RubricCheckpoint[] }) {
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const make = async () => {
    setBusy(true);
    const a = currentAttempt.get() ?? attempt;
    // Cards already made from this attempt are not made twice.
    const done = new Set(a.cardsMadeFor ?? []);
    const fresh = missed.filter((m) => !done.has(m.id));
    // The list is kept on the attempt either way (and travels in the backup).
    update({ ...a, missedForCards: missed.map((m) => m.id), updatedAt: Date.now() }, true);
    if (fresh.length === 0) {
      setMessage('Cards for every checkpoint you missed were already made from this attempt.');
      setBusy(false);
      return;
    }
    try {
      const { createUserCards } = await import('../study/user-cards.ts');
      await createUserCards(missedCards(a, fresh, manifest));
      const b = currentAttempt.get() ?? a;
      update({ ...b, cardsMadeAt: Date.now(), cardsMadeFor: [...done, ...fresh.map((m) => m.id)], updatedAt: Date.now() }, true);
      setMessage(`Made ${fresh.length} card${fresh.length === 1 ? '' : 's'}. They are in Review, under your own cards.`);
    } catch (err) {
      // A storage failure's message says what to do; anything else is not shown raw.
      setMessage(
        err instanceof StorageFailure
          ? `${err.message} The missed checkpoints are kept with this attempt; try again later.`
          : 'The cards could not be made just now. The missed checkpoints are kept with this attempt; try again later.',
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="make-cards">
      <button type="button" class="btn primary" disabled={busy} onClick={() => void make()}>
        Make cards from what I missed
      </button>
      {attempt.cardsMadeAt ? <p class="muted">Cards were made from this attempt {formatOnDay(attempt.cardsMadeAt, { now: Date.now() })}.</p> : null}
      <p role="status">{message}</p>
    </div>
  );
}
