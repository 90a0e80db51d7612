import { useEffect, useRef, useState } from 'preact/hooks';
import { StorageFailure } from '../storage/errors.ts';
import { sectionOfHighlight } from './section-of.ts';
import { cardsFromHighlight, createUserCards, userCardProblem } from './user-cards.ts';
import './study.css';

/** "Make a card" in the highlight panel: the question is the reader's, the answer defaults to the quote. */
export function MakeCard({ highlightId, chapterId, quote }: { highlightId: string; chapterId: string; quote: string }) {
  const [open, setOpen] = useState(false);
  const [question, setQuestion] = useState('');
  const [answer, setAnswer] = useState(quote);
  const [message, setMessage] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [made, setMade] = useState(0);
  const [saving, setSaving] = useState(false);
  const questionRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    let live = true;
    void cardsFromHighlight(highlightId)
      .then((c) => live && setMade(c.length))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [highlightId, message]);

  const start = () => {
    setOpen(true);
    setMessage(null);
    setAnswer(quote);
    requestAnimationFrame(() => questionRef.current?.focus());
  };

  const save = async () => {
    const bad = userCardProblem({ question, answer });
    if (bad) {
      setProblem(bad);
      return;
    }
    setSaving(true);
    try {
      await createUserCards([{ question, answer, chapterId, sectionId: sectionOfHighlight(highlightId), highlightId }]);
      setOpen(false);
      setQuestion('');
      setProblem(null);
      setMessage('Card saved. It joins Review as a new card (deck “My cards”).');
    } catch (err) {
      // What was typed stays in the editor.
      setProblem(err instanceof StorageFailure ? err.message : 'The card could not be saved. What you wrote is still here; try again.');
    } finally {
      setSaving(false);
    }
  };

  return (
    <div class="make-card">
      {!open && (
        <button type="button" class="btn" onClick={start}>
          Make a card
        </button>
      )}
      {made > 0 && !open && <span class="meta"> {made === 1 ? '1 card from this highlight' : `${made} cards from this highlight`}</span>}
      <p role="status" class="meta">
        {message}
      </p>
      {open && (
        <form
          class="card-editor"
          aria-label="New card"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <label>
            Question
            <textarea ref={questionRef} value={question} placeholder="What should you recall? (Markdown)" onInput={(e) => setQuestion(e.currentTarget.value)} />
          </label>
          <label>
            Answer
            <textarea value={answer} onInput={(e) => setAnswer(e.currentTarget.value)} />
          </label>
          {problem && (
            <p class="notice warn" role="alert">
              {problem}
            </p>
          )}
          <div class="row">
            <button type="submit" class="btn primary" disabled={saving}>
              Save card
            </button>
            <button type="button" class="btn" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
