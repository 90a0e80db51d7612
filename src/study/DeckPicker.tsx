import { PART_TITLES } from '../app/guide.ts';
import { navigate } from '../app/router.ts';
import { PARTS, type ContentManifest } from '../shared/content-types.ts';
import { deckParam, parseDeck, reviewHref, type Deck } from './deck.ts';

/** All cards, one part, one chapter, or only mine. */
export function DeckPicker({ manifest, deck }: { manifest: ContentManifest; deck: Deck }) {
  return (
    <label class="deck-pick">
      Deck
      <select class="field" value={deckParam(deck)} onChange={(e) => navigate(reviewHref(parseDeck((e.currentTarget as HTMLSelectElement).value)), true)}>
        <option value="all">All cards</option>
        <option value="mine">My cards</option>
        <optgroup label="Parts">
          {PARTS.map((p) => (
            <option key={p} value={`part:${p}`}>
              {PART_TITLES[p]}
            </option>
          ))}
        </optgroup>
        {PARTS.map((p) => (
          <optgroup key={p} label={PART_TITLES[p]}>
            {manifest.chapters
              .filter((c) => c.part === p && c.cardCount > 0)
              .map((c) => (
                <option key={c.id} value={`chapter:${c.id}`}>
                  {c.title}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
}
