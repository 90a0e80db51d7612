import type { Annotation, Colour } from '../annotations/types.ts';
import type { ChapterMeta, ContentManifest } from '../shared/content-types.ts';

export interface NotebookGroup {
  chapter: ChapterMeta | null;
  chapterId: string;
  items: Annotation[];
}

export interface NotebookFilter {
  colours: ReadonlySet<Colour>;
  query: string;
}

const matches = (a: Annotation, f: NotebookFilter, q: string): boolean => {
  if (f.colours.size && !(a.colour && f.colours.has(a.colour))) return false;
  if (!q) return true;
  return (a.anchor?.quote.exact.toLowerCase().includes(q) ?? false) || a.note.toLowerCase().includes(q);
};

/** Pure: every anchored highlight and note, filtered, grouped by chapter in reading order. */
export function notebookGroups(all: Annotation[], manifest: ContentManifest, f: NotebookFilter): NotebookGroup[] {
  const q = f.query.trim().toLowerCase();
  const order = new Map(manifest.chapters.map((c, i) => [c.id, i]));
  const groups = new Map<string, Annotation[]>();
  for (const a of all) {
    if (a.status !== 'anchored' || !matches(a, f, q)) continue;
    const list = groups.get(a.chapterId) ?? [];
    list.push(a);
    groups.set(a.chapterId, list);
  }
  const pos = (a: Annotation) => (a.anchor ? a.anchor.position.start : Number.MAX_SAFE_INTEGER);
  return [...groups.entries()]
    .sort(([x], [y]) => (order.get(x) ?? 1e9) - (order.get(y) ?? 1e9) || x.localeCompare(y))
    .map(([chapterId, items]) => ({
      chapterId,
      chapter: manifest.chapters.find((c) => c.id === chapterId) ?? null,
      items: items.sort((a, b) => pos(a) - pos(b) || a.createdAt - b.createdAt),
    }));
}

/** Highlights whose passage could not be found after the guide changed. */
export const orphans = (all: Annotation[]): Annotation[] => all.filter((a) => a.status === 'orphaned').sort((a, b) => a.createdAt - b.createdAt);

export const BACKUP_DAYS = 30;
export const BACKUP_CHANGES = 50;

/**
 * Remind to back up after 30 days or 50 new highlights since the last export. Never exported:
 * the 30 days count from the oldest highlight; nothing new since the last export: no reminder.
 */
export function backupDue(info: { lastBackupAt: number | null; changesSinceBackup: number }, oldestCreatedAt: number | null, now = Date.now()): boolean {
  if (oldestCreatedAt === null) return false;
  if (info.changesSinceBackup >= BACKUP_CHANGES) return true;
  const month = BACKUP_DAYS * 86_400_000;
  if (info.lastBackupAt === null) return now - oldestCreatedAt >= month;
  return info.changesSinceBackup > 0 && now - info.lastBackupAt >= month;
}

/** A note kept without its passage: the quote moves into the note so nothing is lost. */
export function keepAsNote(a: Annotation, now = Date.now()): Annotation {
  const quote = a.anchor ? `> ${a.anchor.quote.exact.replace(/\n/g, '\n> ')}\n\n` : '';
  return { ...a, anchor: null, sectionId: null, status: 'anchored', note: `${quote}${a.note}`.trimEnd(), updatedAt: Math.max(now, a.updatedAt + 1) };
}

export type NotebookSort = 'reading' | 'date';

export type NotebookRow = { kind: 'chapter'; key: string; chapterId: string; title: string; count: number } | { kind: 'entry'; key: string; a: Annotation };

/**
 * Pure: the notebook as one flat list of rows for a virtual list — by chapter in reading order
 * (a heading row before each chapter's entries), or newest first (no headings).
 */
export function notebookRows(groups: NotebookGroup[], sort: NotebookSort): NotebookRow[] {
  if (sort === 'date') {
    return groups
      .flatMap((g) => g.items)
      .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1))
      .map((a) => ({ kind: 'entry', key: a.id, a }));
  }
  const rows: NotebookRow[] = [];
  for (const g of groups) {
    rows.push({ kind: 'chapter', key: `chapter:${g.chapterId}`, chapterId: g.chapterId, title: g.chapter?.title ?? g.chapterId, count: g.items.length });
    for (const a of g.items) rows.push({ kind: 'entry', key: a.id, a });
  }
  return rows;
}
