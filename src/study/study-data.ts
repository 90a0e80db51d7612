import { loadChapter } from '../content/loader.ts';
import type { ContentManifest, TreeNode } from '../shared/content-types.ts';
import { openPocketDb } from '../storage/db.ts';
import { allSchedules, allUserCards, getCardIndex, putCardIndex, putSchedules, reviewsSince } from '../storage/study-repo.ts';
import { startOfDay } from './day.ts';
import type { DeckCard } from './deck.ts';
import { reconcile } from './identity.ts';
import { treePlain } from './tree-html.ts';
import type { CardSchedule, GuideCardEntry, ReviewLogEntry, UserCard } from './types.ts';

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

let memo: { version: string; cards: GuideCardEntry[] } | null = null;

/**
 * Every guide card of the installed version, in guide order: from memory, else from the card index
 * in IndexedDB (one small record), else from the chapters themselves — and then the index is saved.
 */
async function guideEntries(manifest: ContentManifest): Promise<GuideCardEntry[]> {
  if (memo?.version === manifest.version) return memo.cards;
  const db = await openPocketDb();
  const index = await getCardIndex(db, manifest.version).catch(() => null);
  if (index) {
    memo = { version: index.version, cards: index.cards };
    return index.cards;
  }
  let complete = true;
  const lists = await Promise.all(
    manifest.chapters.map(async (meta) => {
      const loaded = await loadChapter(manifest, meta.id).catch(() => null);
      if (!loaded || loaded.source !== 'offline' || loaded.chapter.hash !== meta.hash) complete = false;
      return (loaded?.chapter.cards ?? []).map((c): GuideCardEntry => ({ id: c.id, chapterId: meta.id, sectionId: c.sectionId, question: c.question, answer: c.answer }));
    }),
  );
  const cards = lists.flat();
  if (complete) {
    memo = { version: manifest.version, cards };
    await putCardIndex(db, { key: 'study-cards', version: manifest.version, cards }).catch(() => undefined);
  }
  return cards;
}

async function guideCards(manifest: ContentManifest): Promise<StudyCard[]> {
  const metas = new Map(manifest.chapters.map((m) => [m.id, m]));
  return (await guideEntries(manifest)).map((c): StudyCard => {
    const meta = metas.get(c.chapterId);
    return {
      kind: 'guide',
      id: c.id,
      chapterId: c.chapterId,
      part: meta?.part ?? null,
      mine: false,
      sectionId: c.sectionId,
      chapterTitle: meta?.title ?? '',
      questionText: treePlain(c.question).trim(),
      question: c.question,
      answer: c.answer,
    };
  });
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
