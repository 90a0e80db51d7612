import { renderNote } from '../highlights/render-note.ts';
import { download, stamp } from '../notebook/download.ts';
import { toAnkiText, toCardsCsv, type ExportCard } from './anki-export.ts';
import type { StudyCard } from './study-data.ts';
import { treeToHtml, treePlain } from './tree-html.ts';

/** The reader's Markdown as sanitized HTML text (DOMPurify's output, read back from a detached element). */
async function htmlOf(markdown: string): Promise<string> {
  const r = await renderNote(markdown);
  const box = document.createElement('div');
  if (r.kind === 'html') box.innerHTML = r.html as unknown as string;
  else box.textContent = r.text;
  return box.innerHTML.trim();
}

/** Every active card as export rows: guide trees → allowlisted HTML; the reader's Markdown → DOMPurify. */
export async function exportRows(cards: readonly StudyCard[]): Promise<ExportCard[]> {
  const out: ExportCard[] = [];
  for (const c of cards) {
    if (c.kind === 'guide') {
      out.push({ id: c.id, chapterId: c.chapterId, chapterTitle: c.chapterTitle, sectionId: c.sectionId, questionHtml: treeToHtml(c.question), answerHtml: treeToHtml(c.answer), questionText: c.questionText, answerText: treePlain(c.answer).trim(), mine: false });
    } else {
      const [q, a] = await Promise.all([htmlOf(c.question), htmlOf(c.answer)]);
      out.push({ id: c.id, chapterId: c.chapterId, chapterTitle: c.chapterTitle, sectionId: c.sectionId, questionHtml: q, answerHtml: a, questionText: c.question, answerText: c.answer, mine: true });
    }
  }
  return out;
}

export async function exportCards(cards: readonly StudyCard[], format: 'anki' | 'csv'): Promise<number> {
  const rows = await exportRows(cards);
  if (format === 'anki') download(`mlsd-pocket-anki-${stamp()}.txt`, toAnkiText(rows), 'text/plain;charset=utf-8');
  else download(`mlsd-pocket-cards-${stamp()}.csv`, toCardsCsv(rows), 'text/csv;charset=utf-8');
  return rows.length;
}
