import { csvCell } from '../notebook/export-csv.ts';

/** One card as another app should see it: HTML question and answer (already sanitized). */
export interface ExportCard {
  id: string;
  chapterId: string | null;
  chapterTitle: string;
  sectionId: string | null;
  questionHtml: string;
  answerHtml: string;
  questionText: string;
  answerText: string;
  mine: boolean;
}

export const ANKI_DECK = 'MLSD Pocket';
export const ANKI_NOTETYPE = 'Basic';

/** A stable Anki guid per card: the same card always updates the same note on re-import. */
export const ankiGuid = (cardId: string): string => `mlsd-pocket:${cardId}`;

/** A field for Anki's tab-separated import: no tab, no newline, no double quote (it would start a quoted field). */
export function ankiField(html: string): string {
  return html.replace(/\r\n?|\n/g, '<br>').replace(/\t/g, '&#9;').replace(/"/g, '&quot;');
}

const tag = (s: string) => s.replace(/[^\p{L}\p{N}_:-]+/gu, '_');

/**
 * Pure: Anki's text import format (2.1.55+), one Basic note per card, the file headers naming the
 * columns so Anki needs no field mapping: guid, notetype, deck, tags, Front, Back.
 */
export function toAnkiText(cards: readonly ExportCard[]): string {
  const lines = ['#separator:tab', '#html:true', '#guid column:1', '#notetype column:2', '#deck column:3', '#tags column:4'];
  for (const c of cards) {
    const tags = ['mlsd-pocket', c.chapterId ? tag(c.chapterId) : null, c.mine ? 'my-card' : null].filter(Boolean).join(' ');
    const deck = c.chapterTitle ? `${ANKI_DECK}::${c.chapterTitle.replace(/::/g, ':')}` : ANKI_DECK;
    lines.push([ankiGuid(c.id), ANKI_NOTETYPE, deck, tags, c.questionHtml, c.answerHtml].map(ankiField).join('\t'));
  }
  return `${lines.join('\n')}\n`;
}

export const CARDS_CSV_HEADER = ['id', 'chapter', 'chapter_title', 'section', 'question', 'answer', 'mine'] as const;

/** Pure: the same cards as CSV (RFC 4180, formula-safe cells), plain text. */
export function toCardsCsv(cards: readonly ExportCard[]): string {
  const rows = [CARDS_CSV_HEADER.join(',')];
  for (const c of cards) {
    rows.push([c.id, c.chapterId ?? '', c.chapterTitle, c.sectionId ?? '', c.questionText, c.answerText, c.mine ? 'yes' : 'no'].map(csvCell).join(','));
  }
  return `${rows.join('\r\n')}\r\n`;
}
