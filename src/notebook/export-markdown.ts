import type { Annotation } from '../annotations/types.ts';
import type { ChapterMeta, ContentManifest } from '../shared/content-types.ts';
import { APP_NAME } from './backup-format.ts';
import { displayQuote, sectionAt, type ChapterIndex } from './chapter-index.ts';
import { chaptersInOrder, sortForReading } from './reading-order.ts';

/** What the export knows beyond the annotations: when, where the app lives, and each chapter's index. */
export interface MarkdownContext {
  exportedAt: number;
  /** The app's origin ("https://pocket.example"): each passage gets a link back to it. */
  origin?: string;
  /** Chapter indexes (sections, block breaks); without one a chapter's items have no section heading. */
  indexes?: ReadonlyMap<string, ChapterIndex | null>;
}

/**
 * The notebook as Markdown for Obsidian or any notes app. Deterministic: same input, same text.
 * Chapters follow the guide's reading order; each highlight, section note or chapter note is one
 * list item, so an unclosed code fence or HTML block in a note ends with its item instead of
 * swallowing the rest of the file. Quotes and titles are escaped; notes are the user's own
 * Markdown and are kept as written. Orphaned items, items of chapters no longer in the guide and
 * notes on sections no longer in their chapter go to a final "Needs a new place" section.
 * Inside a chapter, items sit under their section's heading (###), quotes keep their block breaks,
 * and with an origin each item ends with a link back to its passage.
 */
export function toMarkdown(annotations: Annotation[], manifest: ContentManifest, ctx: MarkdownContext): string {
  const chapters = new Map(chaptersInOrder(manifest).map((c) => [c.id, c]));
  const placed: Annotation[] = [];
  const lost: Annotation[] = [];
  for (const a of sortForReading(annotations, manifest)) (needsNewPlace(a, chapters.get(a.chapterId)) ? lost : placed).push(a);

  const blocks = [`# ${APP_NAME}: highlights and notes`, `Exported ${new Date(ctx.exportedAt).toISOString().slice(0, 16).replace('T', ' ')} UTC.`];
  if (annotations.length === 0) blocks.push('No highlights or notes yet.');
  for (const [chapterId, items] of groupByChapter(placed)) {
    const chapter = chapters.get(chapterId);
    blocks.push(`## ${escapeInline(chapter?.title ?? chapterId)}`);
    const index = ctx.indexes?.get(chapterId) ?? null;
    // Items of one section together, sections in outline order (the sort is stable: notes, then passages by position).
    const rank = new Map((chapter?.outline ?? []).filter((o) => o.level === 2).map((o, i) => [o.title, i]));
    const keyed = items.map((a) => ({ a, title: sectionTitleOf(a, chapter, index) }));
    const order = (t: string | null, a: Annotation) => (t === null ? (a.anchor ? Number.MAX_SAFE_INTEGER : -1) : (rank.get(t) ?? Number.MAX_SAFE_INTEGER - 1));
    keyed.sort((x, y) => order(x.title, x.a) - order(y.title, y.a));
    let section: string | null = null;
    for (const { a, title } of keyed) {
      const heading: string | null = title ?? (section !== null ? 'Other passages' : null);
      if (heading && heading !== section) blocks.push(`### ${escapeInline(heading)}`);
      section = heading;
      blocks.push(item(a, chapter, index, ctx.origin));
    }
  }
  if (lost.length > 0) {
    blocks.push('## Needs a new place', 'The guide has changed and these could not be placed in its current text.');
    for (const [chapterId, items] of groupByChapter(lost)) {
      const chapter = chapters.get(chapterId);
      const title = chapter ? escapeInline(chapter.title) : `${escapeInline(chapterId)} (no longer in the guide)`;
      blocks.push(`### ${title}`, ...items.map((a) => item(a, chapter, null, undefined)));
    }
  }
  return `${blocks.join('\n\n')}\n`;
}

function needsNewPlace(a: Annotation, chapter: ChapterMeta | undefined): boolean {
  if (a.status === 'orphaned' || !chapter) return true;
  return !a.anchor && a.sectionId !== null && !chapter.outline.some((s) => s.id === a.sectionId);
}

/** Runs of the same chapter (the input is already in reading order). */
function groupByChapter(list: Annotation[]): Map<string, Annotation[]> {
  const groups = new Map<string, Annotation[]>();
  for (const a of list) {
    const group = groups.get(a.chapterId);
    if (group) group.push(a);
    else groups.set(a.chapterId, [a]);
  }
  return groups;
}

/** The section an item belongs to: a highlight's by its position, a section note's by its id. */
function sectionTitleOf(a: Annotation, chapter: ChapterMeta | undefined, index: ChapterIndex | null): string | null {
  if (a.anchor) return index ? sectionAt(index, a.anchor.position.start).sectionTitle : null;
  if (a.sectionId === null) return null;
  return chapter?.outline.find((s) => s.id === a.sectionId)?.title ?? null;
}

/** A link back to the passage (or the section or chapter a note is on). */
function deepLink(a: Annotation, origin: string): string {
  const where = a.anchor ? `#hl-${a.id}` : a.sectionId ? `#${a.sectionId}` : '';
  return `[Open in ${APP_NAME}](${origin.replace(/\/+$/, '')}/read/${encodeURIComponent(a.chapterId)}${where})`;
}

/** One annotation as a list item: the quote (or what the note is about), its colour, its note, its link. */
function item(a: Annotation, chapter: ChapterMeta | undefined, index: ChapterIndex | null, origin: string | undefined): string {
  const parts: string[] = [];
  if (a.anchor) parts.push(blockquote(displayQuote(a.anchor.quote.exact, a.anchor.position.start, index)));
  else if (a.sectionId === null) parts.push('**Note on the whole chapter**');
  else {
    const section = chapter?.outline.find((s) => s.id === a.sectionId);
    parts.push(section ? `**Note on “${escapeInline(section.title)}”**` : `**Note on a section no longer in the guide (${escapeInline(a.sectionId)})**`);
  }
  if (a.colour) parts.push(`Colour: ${a.colour}`);
  const note = lines(a.note).join('\n').trimEnd();
  if (note.trim() !== '') parts.push(note);
  if (origin) parts.push(deepLink(a, origin));
  const body = parts.join('\n\n').split('\n');
  return body.map((line, i) => (i === 0 ? `- ${line}` : line === '' ? '' : `  ${line}`)).join('\n');
}

function blockquote(text: string): string {
  return lines(text)
    .map((line) => {
      const escaped = escapeLineStart(escapeInline(line.trimStart()));
      return escaped === '' ? '>' : `> ${escaped}`;
    })
    .join('\n');
}

function lines(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').split('\n');
}

/** Backslash-escapes what could start inline Markdown or HTML (and Obsidian's `$` maths, `#tags`). */
export function escapeInline(text: string): string {
  return text
    .replace(/\s*\n\s*/g, ' ')
    .replace(/[\\`*_[\]<#|~$]/g, '\\$&')
    .replace(/&(?=#?[a-z0-9]+;)/gi, '\\&');
}

/** Escapes what only matters at the start of a line: headings, quotes, lists, breaks, setext lines. */
function escapeLineStart(line: string): string {
  return line.replace(/^([#>+=-])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}
