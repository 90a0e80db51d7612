import type { ContentManifest } from '../shared/content-types.ts';
import { openPocketDb } from '../storage/db.ts';
import { allUserCards } from '../storage/study-repo.ts';
import type { UserCard } from './types.ts';

/** Pure: the reader's own cards as a Markdown section for the Notebook's Markdown export ('' with none). */
export function cardsToMarkdown(cards: readonly UserCard[], manifest: ContentManifest): string {
  const live = cards.filter((c) => !c.deleted).sort((a, b) => a.createdAt - b.createdAt);
  if (live.length === 0) return '';
  const out = ['', '## My cards', ''];
  for (const c of live) {
    const title = manifest.chapters.find((m) => m.id === c.chapterId)?.title;
    out.push(`**Q:** ${c.question.trim()}`, '', `**A:** ${c.answer.trim()}`, '');
    if (title) out.push(`*${title}*`, '');
  }
  return out.join('\n');
}

/** Reads the reader's cards for the Markdown export. */
export async function myCardsMarkdown(manifest: ContentManifest): Promise<string> {
  return cardsToMarkdown(await allUserCards(await openPocketDb()), manifest);
}
