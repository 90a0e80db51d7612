import { isTimestamp, toIso } from '../notebook/backup-format.ts';
import { csvCell } from '../notebook/export-csv.ts';
import type { ContentManifest } from '../shared/content-types.ts';
import { openPocketDb } from '../storage/db.ts';
import { allUserCards } from '../storage/study-repo.ts';
import type { UserCard } from './types.ts';

/**
 * Pure: the reader's own cards as rows of the Notebook's CSV export, after the highlights and in
 * the same columns (no new column for spreadsheets that already read the file): status `card`, the
 * question in `note`, the answer in `quote` (a card made from a highlight answers with its quote),
 * colour empty. Deleted cards are left out. '' with no cards.
 */
export function cardsToCsvRows(cards: readonly UserCard[], manifest: ContentManifest): string {
  const chapters = new Map(manifest.chapters.map((c) => [c.id, c]));
  return cards
    .filter((c) => !c.deleted)
    .sort((a, b) => a.createdAt - b.createdAt)
    .map((c) => {
      const chapter = c.chapterId ? chapters.get(c.chapterId) : undefined;
      const section = c.sectionId ? (chapter?.outline.find((s) => s.id === c.sectionId)?.title ?? '') : '';
      const row = [c.id, c.chapterId ?? '', chapter?.title ?? '', section, '', c.answer, c.question, 'card', isTimestamp(c.createdAt) ? toIso(c.createdAt) : '', isTimestamp(c.updatedAt) ? toIso(c.updatedAt) : ''];
      return `${row.map(csvCell).join(',')}\r\n`;
    })
    .join('');
}

/** Reads the reader's cards for the CSV export. */
export async function myCardsCsvRows(manifest: ContentManifest): Promise<string> {
  return cardsToCsvRows(await allUserCards(await openPocketDb()), manifest);
}
