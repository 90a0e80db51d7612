import type { Annotation } from '../annotations/types.ts';
import { adoptImported, flushAnnotations, loadAllAnnotations } from '../annotations/annotation-store.ts';
import type { ContentManifest } from '../shared/content-types.ts';
import { allAnnotations, getBackupInfo, putAnnotations, recordBackup } from '../storage/annotations-repo.ts';
import { openPocketDb } from '../storage/db.ts';
import { StorageFailure } from '../storage/errors.ts';
import { download, stamp } from './download.ts';
import { toCsv } from './export-csv.ts';
import { toMarkdown } from './export-markdown.ts';
import { loadIndexes } from './chapter-indexes.ts';
import { LIMITS } from './backup-format.ts';
import { backupFiles, FILE_LIMITS } from './backup-parts.ts';
import { backupSection } from './backup-sections.ts';
import { parseBackup, tooLarge } from './import-json.ts';
import { mergeAnnotations } from './merge.ts';

export type ExportFormat = 'markdown' | 'json' | 'csv';
const APP_VERSION = '0.1.0';

/** Files of an export still to be saved: the parts after the first of a backup too large for one file. */
export interface Exported {
  count: number;
  /** Each needs its own tap to save (a browser lets a page save one file per tap). */
  more: BackupText[];
}

/** Exports every highlight and note; the JSON one is the backup and resets the reminder. */
export async function exportAll(format: ExportFormat, manifest: ContentManifest): Promise<Exported> {
  await flushAnnotations();
  const list = await loadAllAnnotations();
  const now = Date.now();
  if (format === 'json') {
    const files = await backupTexts(list, manifest, now, 'json');
    download(files[0]!.name, files[0]!.text, 'application/json');
    await recordBackup(await openPocketDb(), now);
    return { count: list.length, more: files.slice(1) };
  } else if (format === 'markdown') {
    const indexes = await loadIndexes(manifest, list.map((a) => a.chapterId));
    // The reader's own cards (study) follow the highlights and notes.
    const cards = await import('../study/cards-markdown.ts').then((m) => m.myCardsMarkdown(manifest)).catch(() => '');
    download(`mlsd-pocket-notes-${stamp()}.md`, toMarkdown(list, manifest, { exportedAt: now, origin: location.origin, indexes }) + cards, 'text/markdown');
  } else {
    const indexes = await loadIndexes(manifest, list.map((a) => a.chapterId));
    // The reader's own cards (study) follow as rows with status "card".
    const cards = await import('../study/cards-csv.ts').then((m) => m.myCardsCsvRows(manifest)).catch(() => '');
    download(`mlsd-pocket-highlights-${stamp()}.csv`, toCsv(list, manifest, indexes) + cards, 'text/csv');
  }
  return { count: list.length, more: [] };
}

/**
 * The whole backup: highlights and notes (W3C) plus every feature's records, as one file, or as
 * parts when it is more than one file may hold (backup-parts.ts). A copy of it is kept on this
 * device, so the restore notice can offer it after a data loss.
 */
async function backupTexts(list: Annotation[], manifest: ContentManifest, now: number, ext: 'json' | 'txt'): Promise<BackupText[]> {
  const data = await import('./backup-data.ts').then((m) => m.collectData());
  const texts = backupFiles(list, { contentVersion: manifest.version, exportedAt: now, appVersion: APP_VERSION, data }, {
    ...FILE_LIMITS,
    maxRecords: (key) => backupSection(key)?.maxRecords ?? Number.POSITIVE_INFINITY,
  });
  const base = ext === 'json' ? `mlsd-pocket-backup-${stamp()}` : `mlsd-pocket-${stamp()}`;
  const files = texts.map((text, i) => ({ name: texts.length > 1 ? `${base}-part-${i + 1}-of-${texts.length}.${ext}` : `${base}.${ext}`, text }));
  const counts: Record<string, number> = { annotations: list.length };
  for (const [key, records] of Object.entries(data)) counts[key] = records.length;
  void import('../mirror/last-backup.ts').then((m) => m.keepLastBackup(files, { exportedAt: now, counts })).catch(() => undefined);
  return files;
}

/**
 * "Send to another device": everything the user made, handed to the system share sheet (AirDrop,
 * Nearby Share, a chat with yourself), all parts at once when it is in several files. Some
 * platforms refuse `.json` as a shared file, so it travels as `.txt` holding the same JSON, which
 * Import reads as well; where the browser cannot share files, it is downloaded instead (the first
 * file at once, the others one tap each).
 */
export async function sendToDevice(manifest: ContentManifest): Promise<{ how: 'shared' | 'downloaded' | 'cancelled'; more: BackupText[] }> {
  await flushAnnotations();
  const list = await loadAllAnnotations();
  const now = Date.now();
  const files = await backupTexts(list, manifest, now, 'txt');
  const shared = files.map((f) => new File([f.text], f.name, { type: 'text/plain' }));
  let how: 'shared' | 'downloaded' = 'downloaded';
  let more = files.slice(1);
  if (typeof navigator.canShare === 'function' && navigator.canShare({ files: shared })) {
    try {
      await navigator.share({ files: shared, title: 'MLSD Pocket: everything I made' });
      how = 'shared';
      more = [];
    } catch (err) {
      if (err instanceof DOMException && err.name === 'AbortError') return { how: 'cancelled', more: [] };
      download(files[0]!.name, files[0]!.text, 'text/plain');
    }
  } else download(files[0]!.name, files[0]!.text, 'text/plain');
  await recordBackup(await openPocketDb(), now);
  return { how, more };
}

/** A backup file's name and text (a picked file, or the copy of the last export kept on this device). */
export interface BackupText {
  name: string;
  text: string;
}

/**
 * Reads one backup file, or every part of one backup written in several files (picked together):
 * see importBackupTexts.
 */
export async function importBackup(files: File | File[], manifest: ContentManifest): Promise<{ ok: boolean; message: string }> {
  const list = Array.isArray(files) ? files : [files];
  const texts: BackupText[] = [];
  for (const file of list) {
    const named = list.length > 1 ? `${file.name}: ` : '';
    if (file.size > LIMITS.maxBytes) {
      return { ok: false, message: `${named}${tooLarge(file.size, LIMITS.maxBytes)} Nothing was changed.` };
    }
    try {
      texts.push({ name: file.name, text: await file.text() });
    } catch {
      return { ok: false, message: `${named}The file could not be read. Nothing was changed.` };
    }
  }
  return importBackupTexts(texts, manifest);
}

/**
 * Validates every file first, merges by stable id (no duplicates, the newer edit wins) and writes
 * the highlights and notes of all of them in one transaction — or changes nothing and says why.
 */
export async function importBackupTexts(files: BackupText[], manifest: ContentManifest): Promise<{ ok: boolean; message: string }> {
  const known = new Set(manifest.chapters.map((c) => c.id));
  const dataIo = await import('./backup-data.ts');
  const incoming: Annotation[] = [];
  const applies: (() => Promise<string[]>)[] = [];
  const parts: { exportedAt: number; part: { index: number; of: number } }[] = [];
  for (const { name, text } of files) {
    const named = files.length > 1 ? `${name}: ` : '';
    const parsed = parseBackup(text, { knownChapterIds: known });
    if (!parsed.ok) return { ok: false, message: `${named}${parsed.message} Nothing was changed.` };
    const data = await dataIo.readData(parsed.data, Date.now());
    if (!data.ok) return { ok: false, message: `${named}${data.message} Nothing was changed.` };
    incoming.push(...parsed.annotations);
    applies.push(data.apply);
    if (parsed.part) parts.push({ exportedAt: parsed.exportedAt, part: parsed.part });
  }
  await flushAnnotations();
  const db = await openPocketDb();
  // Notes changed here since this device last sent or exported a backup, and changed in the file
  // too, were edited on both devices apart: they are merged, not replaced.
  const since = (await getBackupInfo(db)).lastBackupAt;
  const merged = mergeAnnotations(await allAnnotations(db), incoming, since);
  try {
    await putAnnotations(db, merged.toPut);
  } catch (err) {
    const why = err instanceof StorageFailure ? err.message : 'Saving failed.';
    return { ok: false, message: `${why} Nothing was imported; your notes are as they were.` };
  }
  adoptImported(merged.toPut);
  const more: string[] = [];
  try {
    for (const apply of applies) more.push(...(await apply()));
  } catch (err) {
    const why = err instanceof StorageFailure ? err.message : 'Saving failed.';
    return { ok: false, message: `Your highlights and notes were imported, but not the rest: ${why}` };
  }
  return {
    ok: true,
    message: `Imported ${merged.added} new and ${merged.updated} updated highlights and notes${merged.notesMerged ? `, ${merged.notesMerged} ${merged.notesMerged === 1 ? 'note' : 'notes'} merged (the words from both devices kept)` : ''}; ${merged.unchanged} ${merged.unchanged === 1 ? 'was' : 'were'} already here.${more.length ? ` Also ${more.join(', ')}.` : ''}${missingParts(parts)}`,
  };
}

/** " This backup is in 3 files; if you have not imported them yet, import part 3 too." when parts of one backup were left out. */
function missingParts(parts: { exportedAt: number; part: { index: number; of: number } }[]): string {
  const byExport = new Map<number, { of: number; have: Set<number> }>();
  for (const { exportedAt, part } of parts) {
    const g = byExport.get(exportedAt) ?? { of: part.of, have: new Set<number>() };
    g.have.add(part.index);
    byExport.set(exportedAt, g);
  }
  const said: string[] = [];
  for (const { of, have } of byExport.values()) {
    const missing = Array.from({ length: of }, (_, i) => i + 1).filter((i) => !have.has(i));
    if (!missing.length) continue;
    const which = `${missing.length === 1 ? 'part' : 'parts'} ${missing.slice(0, -1).join(', ')}${missing.length > 1 ? ' and ' : ''}${missing.at(-1)}`;
    said.push(` This backup is in ${of} files; if you have not imported them yet, import ${which} too.`);
  }
  return said.join('');
}
