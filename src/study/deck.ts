/** Which cards a session draws from: all, one part, one chapter, or only the reader's own. */
export type Deck = { kind: 'all' } | { kind: 'mine' } | { kind: 'part'; part: string } | { kind: 'chapter'; chapterId: string };

/** The identity a deck needs to know about a card. */
export interface DeckCard {
  id: string;
  chapterId: string | null;
  part: string | null;
  mine: boolean;
}

/** `/review?deck=` values: "all", "mine", "part:cases", "chapter:visual-search". Anything else is "all". */
export function parseDeck(raw: string | null | undefined): Deck {
  const v = (raw ?? '').trim();
  if (v === 'mine') return { kind: 'mine' };
  const m = /^(part|chapter):([a-z0-9]+(?:-[a-z0-9]+)*)$/.exec(v);
  if (m?.[1] === 'part') return { kind: 'part', part: m[2]! };
  if (m?.[1] === 'chapter') return { kind: 'chapter', chapterId: m[2]! };
  return { kind: 'all' };
}

export function deckParam(d: Deck): string {
  return d.kind === 'part' ? `part:${d.part}` : d.kind === 'chapter' ? `chapter:${d.chapterId}` : d.kind;
}

export function inDeck(d: Deck, c: DeckCard): boolean {
  switch (d.kind) {
    case 'all':
      return true;
    case 'mine':
      return c.mine;
    case 'part':
      return c.part === d.part;
    case 'chapter':
      return c.chapterId === d.chapterId;
  }
}

export const reviewHref = (d: Deck): string => (d.kind === 'all' ? '/review' : `/review?deck=${deckParam(d)}`);
