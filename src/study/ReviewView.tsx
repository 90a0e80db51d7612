import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ContentManifest } from '../shared/content-types.ts';
import { StorageFailure } from '../storage/errors.ts';
import { useStore } from '../ui/store.ts';
import { CardContent, SourceLink } from './CardFace.tsx';
import { CaughtUp } from './CaughtUp.tsx';
import { inDeck, parseDeck, type Deck } from './deck.ts';
import { DeckPicker } from './DeckPicker.tsx';
import { onStudyChange } from './due-badge.ts';
import { dueCount } from './due-store.ts';
import { exportCards } from './export-cards.ts';
import { gradesPending, onGradeQueueState } from './grade-queue.ts';
import { buildQueue } from './queue.ts';
import { formatInterval, memoryOf, preview } from './scheduler.ts';
import { gradeCard, undoEntry } from './session.ts';
import { loadStudyData, type StudyCard, type StudyData } from './study-data.ts';
import { studySettings } from './study-settings.ts';
import type { CardSchedule, Grade, ReviewLogEntry } from './types.ts';
import './study.css';

const GRADES: { g: Grade; name: string }[] = [
  { g: 1, name: 'Again' },
  { g: 2, name: 'Hard' },
  { g: 3, name: 'Good' },
  { g: 4, name: 'Easy' },
];

const ALL: Deck = { kind: 'all' };

const lastLive = (log: readonly ReviewLogEntry[]): ReviewLogEntry | null =>
  log.filter((e) => !e.undone).reduce<ReviewLogEntry | null>((a, e) => (!a || e.reviewedAt >= a.reviewedAt ? e : a), null);

/** One card at a time: question → "Show answer" → four grades with their next intervals. */
export function ReviewView({ manifest, deck: deckParam }: { manifest: ContentManifest; deck: string }) {
  const deck = useMemo(() => parseDeck(deckParam), [deckParam]);
  const settings = useStore(studySettings);
  const [data, setData] = useState<StudyData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  // The card on screen and its schedule when it was shown: a grade is computed from what the reader
  // saw, so a grade given meanwhile in another tab makes this one stale instead of counting twice.
  const shown = useRef<{ id: string; schedule: CardSchedule | undefined } | null>(null);
  const [revealed, setRevealed] = useState(false);
  // A grade or undo in flight. A ref (no render before the write starts); the buttons show as
  // disabled only when saving takes long (a full disk), through `busy`.
  const busyRef = useRef(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const showBtn = useRef<HTMLButtonElement>(null);
  const goodBtn = useRef<HTMLButtonElement>(null);

  const reload = () =>
    loadStudyData(manifest, Date.now())
      .then((d) => {
        setData(d);
        setTick((t) => t + 1);
      })
      .catch((err: unknown) => setError(err instanceof StorageFailure ? err.message : 'Your cards could not be opened. Reload to try again; nothing was lost.'));

  useEffect(() => {
    document.title = 'Review · MLSD Pocket';
    void reload();
    const stop = onStudyChange(() => void reload(), 'review');
    onGradeQueueState((s) => setProblem(s.kind === 'failing' ? (s.error instanceof StorageFailure ? s.error.message : 'Saving failed.') + ' Your grade is kept on screen and saved as soon as storage accepts it.' : null));
    // Any minute may bring a learning card back.
    const timer = setInterval(() => setTick((t) => t + 1), 30_000);
    // A grade storage has not accepted yet lives only in this page: ask before it is closed.
    const guard = (e: BeforeUnloadEvent) => {
      if (gradesPending()) e.preventDefault();
    };
    addEventListener('beforeunload', guard);
    return () => {
      removeEventListener('beforeunload', guard);
      stop();
      onGradeQueueState(null);
      clearInterval(timer);
    };
  }, [manifest.version]);

  // Another deck: start from its first card.
  useEffect(() => {
    if (!shown.current) return;
    shown.current = null;
    setRevealed(false);
    setTick((t) => t + 1);
  }, [deckParam]);

  const now = Date.now();
  const tz = new Date(now).getTimezoneOffset();
  const openedAt = useRef(performance.now());
  const queue = useMemo(() => {
    if (!data) return null;
    const t = performance.now();
    const q = buildQueue({ cards: data.cards, schedules: data.schedules, todayLog: data.todayLog, deck, settings, now, tzOffsetMin: tz });
    // Figures for `npm run bench`: the pure queue build, and screen opened → queue ready (IndexedDB reads included).
    performance.measure('review-queue-build', { start: t });
    if (!performance.getEntriesByName('review-open').length) performance.measure('review-open', { start: openedAt.current });
    return q;
  }, [data, deck, settings, tick]);
  const id = shown.current && data?.byId.has(shown.current.id) ? shown.current.id : (queue?.ids[0] ?? null);
  if (id && data && shown.current?.id !== id) shown.current = { id, schedule: data.schedules.get(id) };
  const card = id ? data?.byId.get(id) : undefined;
  // The top bar's "Review, N due" from the cards in memory (the same rules as its IndexedDB count),
  // after the screen is drawn: a run of grades reads nothing back from the database.
  useEffect(() => {
    if (!data || !queue) return;
    const all = deck.kind === 'all' ? queue : buildQueue({ cards: data.cards, schedules: data.schedules, todayLog: data.todayLog, deck: ALL, settings, now, tzOffsetMin: tz });
    dueCount.set(all.counts.learning + all.counts.review + all.counts.new);
  }, [queue]);
  const intervals = useMemo(() => (card ? preview(memoryOf(shown.current?.schedule, now), now, settings.retention) : null), [card, tick, settings.retention, revealed]);
  const last = data ? lastLive(data.todayLog) : null;

  const show = () => {
    setRevealed(true);
    setNotice(null);
    requestAnimationFrame(() => goodBtn.current?.focus());
  };

  /** Runs a grade or an undo: one at a time; the buttons are disabled only if it takes long. */
  const exclusive = async (work: () => Promise<void>) => {
    if (busyRef.current) return;
    busyRef.current = true;
    const slow = setTimeout(() => setBusy(true), 150);
    try {
      await work();
    } finally {
      clearTimeout(slow);
      busyRef.current = false;
      setBusy(false);
    }
  };

  const onGrade = (g: Grade) => {
    if (!card || !data) return;
    return exclusive(() => gradeNow(card, data, g));
  };

  const gradeNow = async (card: StudyCard, data: StudyData, g: Grade) => {
    const t0 = performance.now();
    const { entry, schedule, outcome } = await gradeCard(card, shown.current?.schedule, g, Date.now(), settings.retention);
    // Figures for `npm run bench`: grade → durable in IndexedDB.
    performance.measure('grade-durable', { start: t0 });
    if (outcome === 'stale') {
      setNotice('This card was just graded in another tab; that grade stands.');
      await reload();
    } else {
      data.schedules.set(card.id, schedule);
      if (outcome === 'saved') data.todayLog.push(entry);
    }
    shown.current = null;
    setRevealed(false);
    setTick((t) => t + 1);
    requestAnimationFrame(() => showBtn.current?.focus());
  };

  const onUndo = () => {
    if (!last || !data) return;
    return exclusive(() => undoNow(last, data));
  };

  const undoNow = async (last: ReviewLogEntry, data: StudyData) => {
    const { schedule, outcome } = await undoEntry(last, data.byId.get(last.cardId), Date.now());
    if (outcome === 'stale') await reload();
    else {
      last.undone = true;
      data.schedules.set(last.cardId, schedule);
      setNotice('Last grade undone.');
    }
    shown.current = data.byId.has(last.cardId) ? { id: last.cardId, schedule: data.schedules.get(last.cardId) } : null;
    setRevealed(false);
    setTick((t) => t + 1);
  };

  // Keyboard: Space or Enter shows the answer, 1–4 grade it. One listener for the screen's life,
  // reading what is on screen now (a listener renewed after each paint would miss a key pressed
  // between the answer showing and that paint).
  const keys = useRef({ card, revealed, show, onGrade });
  keys.current = { card, revealed, show, onGrade };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      const t = e.target as HTMLElement | null;
      if (t?.closest('input, textarea, select, [contenteditable]')) return;
      const { card, revealed, show, onGrade } = keys.current;
      if (!card || busyRef.current) return;
      if (!revealed && (e.key === ' ' || e.key === 'Enter')) {
        if (t?.closest('a, button')) return; // the focused control handles its own key
        e.preventDefault();
        show();
      } else if (revealed && /^[1-4]$/.test(e.key)) {
        e.preventDefault();
        void onGrade(Number(e.key) as Grade);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div class="screen narrow review">
      <h1>Review</h1>
      <div class="review-bar">
        <DeckPicker manifest={manifest} deck={deck} />
        {queue && (
          <p class="review-counts" aria-label={`${queue.counts.new} new, ${queue.counts.learning} learning, ${queue.counts.review} to review`}>
            <span>New {queue.counts.new}</span> <span>Learning {queue.counts.learning}</span> <span>Review {queue.counts.review}</span>
          </p>
        )}
      </div>
      {error && <p class="notice warn" role="alert">{error}</p>}
      {problem && <p class="notice warn" role="alert">{problem}</p>}
      <p class="review-notice" role="status">{notice}</p>
      {!data && !error && <p class="loading" aria-busy="true">Opening your cards…</p>}
      {data && queue && !card && (
        <CaughtUp nextDue={queue.nextDue} schedules={data.schedules.values()} now={now} newLeft={queue.newLeft} deckEmpty={!data.cards.some((c) => inDeck(deck, c))} />
      )}
      {card && (
        <article class="review-card" aria-label="Card">
          <span class="eyebrow">{card.kind === 'user' ? 'My card' : card.chapterTitle}</span>
          <CardContent key={`q-${card.id}`} content={card.question} cls="card-q" />
          {!revealed ? (
            <button type="button" class="btn primary show-answer" ref={showBtn} onClick={show} aria-keyshortcuts="Space Enter" disabled={busy}>
              Show answer
            </button>
          ) : (
            <>
              <hr />
              <CardContent key={`a-${card.id}`} content={card.answer} cls="card-a" />
              <SourceLink card={card} />
              <div class="grades" role="group" aria-label="How well did you recall it?">
                {GRADES.map(({ g, name }) => (
                  <div key={g} class="grade-cell">
                    <button
                      type="button"
                      class={`btn grade g${g}`}
                      ref={g === 3 ? goodBtn : undefined}
                      aria-describedby={`ivl-${g}`}
                      aria-keyshortcuts={String(g)}
                      disabled={busy}
                      onClick={() => void onGrade(g)}
                    >
                      {name}
                    </button>
                    <span class="grade-ivl" id={`ivl-${g}`}>
                      {intervals ? formatInterval(intervals[g]) : ''}
                    </span>
                  </div>
                ))}
              </div>
            </>
          )}
        </article>
      )}
      <div class="review-tools">
        {last && (
          <button type="button" class="btn" disabled={busy} onClick={() => void onUndo()}>
            Undo
          </button>
        )}
        <a class="btn" href="/stats">
          Statistics
        </a>
        <button type="button" class="btn" disabled={!data} onClick={() => data && void exportCards(data.cards, 'anki').then((n) => setNotice(`Exported ${n} cards for Anki.`))}>
          Export cards for Anki
        </button>
        <button type="button" class="btn" disabled={!data} onClick={() => data && void exportCards(data.cards, 'csv').then((n) => setNotice(`Exported ${n} cards as CSV.`))}>
          Export cards as CSV
        </button>
      </div>
    </div>
  );
}
