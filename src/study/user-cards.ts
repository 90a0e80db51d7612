import { openPocketDb } from '../storage/db.ts';
import { getAnnotation } from '../storage/annotations-repo.ts';
import { allUserCards, cardsOfHighlight, putUserCards } from '../storage/study-repo.ts';
import { announceStudyChange } from './due-badge.ts';
import type { UserCard } from './types.ts';
import { formatCount } from '../ui/numbers.ts';

/**
 * The reader's own cards: the public entry point for other features. Mock interviews call
 * `createUserCards` for "Make cards from what I missed"; the highlight panel for "Make a card".
 * No scheduler here (cheap to import); new cards join Review as new cards in the "My cards" deck.
 */
export interface NewUserCard {
  /** Markdown. */
  question: string;
  /** Markdown. */
  answer: string;
  chapterId: string | null;
  sectionId: string | null;
  /** The highlight the card came from: the card follows it and says so if it is orphaned. */
  highlightId?: string | null;
}

export const MAX_CARD_TEXT = 20_000;

/** A plain-words problem with one card, or null. */
export function userCardProblem(c: { question: string; answer: string }): string | null {
  if (!c.question.trim()) return 'Write a question first.';
  if (!c.answer.trim()) return 'The answer is empty.';
  if (c.question.length > MAX_CARD_TEXT || c.answer.length > MAX_CARD_TEXT) return `A card holds at most ${formatCount(MAX_CARD_TEXT)} characters a side.`;
  return null;
}

/**
 * Saves new cards in one transaction (all or none) and resolves with them once IndexedDB has them.
 * Throws an Error with a plain message (card n: what is wrong) and saves nothing if any card is invalid;
 * storage failures arrive as `StorageFailure` (their message says what to do).
 */
export async function createUserCards(list: readonly NewUserCard[], now = Date.now()): Promise<UserCard[]> {
  list.forEach((c, i) => {
    const problem = userCardProblem(c);
    if (problem) throw new Error(`Card ${i + 1}: ${problem} Nothing was saved.`);
  });
  const cards: UserCard[] = list.map((c) => ({
    id: crypto.randomUUID(),
    question: c.question.trim(),
    answer: c.answer.trim(),
    highlightId: c.highlightId ?? null,
    chapterId: c.chapterId,
    sectionId: c.sectionId,
    createdAt: now,
    updatedAt: now,
  }));
  await putUserCards(await openPocketDb(), cards);
  announceStudyChange();
  return cards;
}

/** Edits or (softly) deletes one of the reader's cards. */
export async function saveUserCard(card: UserCard): Promise<void> {
  await putUserCards(await openPocketDb(), [card]);
  announceStudyChange();
}

/** The live cards made from one highlight. */
export async function cardsFromHighlight(highlightId: string): Promise<UserCard[]> {
  return (await cardsOfHighlight(await openPocketDb(), highlightId)).filter((c) => !c.deleted);
}

/** The reader's live cards, newest first (the Notebook's "Cards"). */
export async function myCards(): Promise<UserCard[]> {
  return (await allUserCards(await openPocketDb())).filter((c) => !c.deleted).sort((a, b) => b.createdAt - a.createdAt);
}

/** True when a card's highlight is gone or has lost its place in the guide. */
export async function highlightGone(highlightId: string): Promise<boolean> {
  const a = await getAnnotation(await openPocketDb(), highlightId);
  return !a || a.status === 'orphaned';
}
