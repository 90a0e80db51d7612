import { useEffect, useState } from 'preact/hooks';
import type { ContentManifest } from '../shared/content-types.ts';
import { StorageFailure } from '../storage/errors.ts';
import { onStudyChange } from './due-badge.ts';
import type { UserCard } from './types.ts';
import { myCards, saveUserCard } from './user-cards.ts';
import './study.css';

/**
 * The Notebook's "Cards" filter, once turned on: the reader's own cards, with their chapter, and a way to delete
 * one. Its button is the notebook's own, so this code loads only when it is pressed.
 */
export function NotebookCards({ manifest }: { manifest: ContentManifest }) {
  const [cards, setCards] = useState<UserCard[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    const load = () =>
      myCards()
        .then(setCards)
        .catch((err: unknown) => setProblem(err instanceof StorageFailure ? err.message : 'Your cards could not be read.'));
    void load();
    return onStudyChange(() => void load());
  }, []);

  const remove = async (c: UserCard) => {
    try {
      await saveUserCard({ ...c, deleted: true, updatedAt: Date.now() });
      setCards((list) => list?.filter((x) => x.id !== c.id) ?? null);
    } catch (err) {
      setProblem(err instanceof StorageFailure ? err.message : 'The card could not be deleted. Try again.');
    }
  };

  return (
    <section class="nb-cards" aria-label="My cards">
      {problem && <p class="notice warn" role="alert">{problem}</p>}
      {cards?.length === 0 && <p class="empty">No cards yet. Tap a highlight, then “Make a card”.</p>}
      <ul>
        {cards?.map((c) => {
          const title = manifest.chapters.find((m) => m.id === c.chapterId)?.title;
          return (
            <li key={c.id} class="tile nb-card">
              <p class="nb-card-q">{c.question.replace(/[*_`]/g, '')}</p>
              <p class="nb-card-a">{c.answer}</p>
              <p class="meta">
                {title && c.chapterId ? <a href={c.highlightId ? `/read/${c.chapterId}#hl-${c.highlightId}` : `/read/${c.chapterId}`}>{title}</a> : 'No chapter'}
              </p>
              <button type="button" class="btn" onClick={() => void remove(c)}>
                Delete card
              </button>
            </li>
          );
        })}
      </ul>
      {cards && cards.length > 0 && (
        <a class="btn" href="/review?deck=mine">
          Review my cards
        </a>
      )}
    </section>
  );
}
