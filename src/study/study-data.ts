import { loadChapter } from '../content/loader.ts';
import type { Card, ContentManifest, TreeNode } from '../shared/content-types.ts';
import { openPocketDb } from '../storage/db.ts';
import { allSchedules, allUserCards, putSchedules, reviewsSince } from '../storage/study-repo.ts';
import { startOfDay } from './day.ts';
import type { DeckCard } from './deck.ts';
import { reconcile } from './identity.ts';
import { treePlain } from './tree-html.ts';
import type { CardSchedule, ReviewLogEntry, UserCard } from './types.ts';

/** A card as the review screen shows it: a guide card (element trees) or one of the reader's (Markdown). */
export type StudyCard = DeckCard & {
  sectionId: string | null;
  chapterTitle: string;
  questionText: string;
} & ({ kind: 'guide'; question: TreeNode[]; answer: TreeNode[] } | { kind: 'user'; question: string; answer: string; highlightId: string | null });

export interface StudyData {
  cards: StudyCard[];
  byId: Map<string, StudyCard>;
  schedules: Map<string, CardSchedule>;
  /** Every grade since the start of today (undone ones included). */
  todayLog: ReviewLogEntry[];
  userCards: UserCard[];
}

const guideCache = new Map<string, { hash: string; cards: Card[] }>();

/** Every guide card, in guide order (chapters read from IndexedDB; cached per chapter hash). */
async function guideCards(manifest: ContentManifest): Promise<StudyCard[]> {
  const lists = await Promise.all(
    manifest.chapters.map(async (meta) => {
      const hit = guideCache.get(meta.id);
      if (hit?.hash === meta.hash) return { meta, cards: hit.cards };
      const loaded = await loadChapter(manifest, meta.id).catch(() => null);
      const cards = loaded?.chapter.cards ?? [];
      if (loaded) guideCache.set(meta.id, { hash: loaded.chapter.hash, cards });
      return { meta, cards };
    }),
  );
  return lists.flatMap(({ meta, cards }) =>
    cards.map((c): StudyCard => ({
      kind: 'guide',
      id: c.id,
      chapterId: meta.id,
      part: meta.part,
      mine: false,
      sectionId: c.sectionId,
      chapterTitle: meta.title,
      questionText: treePlain(c.question).trim(),
      question: c.question,
      answer: c.answer,
    })),
  );
}

export function userStudyCard(u: UserCard, manifest: ContentManifest): StudyCard {
  const meta = manifest.chapters.find((c) => c.id === u.chapterId);
  return {
    kind: 'user',
    id: u.id,
    chapterId: u.chapterId,
    part: meta?.part ?? null,
    mine: true,
    sectionId: u.sectionId,
    chapterTitle: meta?.title ?? '',
    questionText: u.question.trim(),
    question: u.question,
    answer: u.answer,
    highlightId: u.highlightId,
  };
}

/** Loads everything a review session needs and retires (or revives) schedules of cards gone from the guide. */
export async function loadStudyData(manifest: ContentManifest, now: number): Promise<StudyData> {
  const db = await openPocketDb();
  const [guide, userCards, schedules, todayLog] = await Promise.all([
    guideCards(manifest),
    allUserCards(db),
    allSchedules(db),
    reviewsSince(db, startOfDay(now, new Date(now).getTimezoneOffset())),
  ]);
  const mine = userCards.filter((u) => !u.deleted).sort((a, b) => a.createdAt - b.createdAt).map((u) => userStudyCard(u, manifest));
  const cards = [...guide, ...mine];
  const r = reconcile(
    cards.map((c) => c.id),
    schedules,
  );
  if (r.changed.length) await putSchedules(db, r.changed).catch(() => undefined);
  const changed = new Map(r.changed.map((s) => [s.cardId, s]));
  return {
    cards,
    byId: new Map(cards.map((c) => [c.id, c])),
    schedules: new Map(schedules.map((s) => [s.cardId, changed.get(s.cardId) ?? s])),
    todayLog,
    userCards,
  };
}
