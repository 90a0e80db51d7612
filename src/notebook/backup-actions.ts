import type { Annotation } from '../annotations/types.ts';
import { adoptImported, flushAnnotations, loadAllAnnotations } from '../annotations/annotation-store.ts';
import type { ContentManifest } from '../shared/content-types.ts';
import { allAnnotations, getBackupInfo, putAnnotations, recordBackup } from '../storage/annotations-repo.ts';
import { openPocketDb } from '../storage/db.ts';
import { StorageFailure } from '../storage/errors.ts';
import { download, stamp } from './download.ts';
import { toCsv } from './export-csv.ts';
import { toWebAnnotationJson } from './export-json.ts';
import { toMarkdown } from './export-markdown.ts';
import { loadIndexes } from './chapter-indexes.ts';
import { LIMITS } from './backup-format.ts';
import { parseBackup, tooLarge } from './import-json.ts';
import { mergeAnnotations } from './merge.ts';

export type ExportFormat = 'markdown' | 'json' | 'csv';
const APP_VERSION = '0.1.0';

/** Exports every highlight and note; the JSON one is the backup and resets the reminder. */
export async function exportAll(format: ExportFormat, manifest: ContentManifest): Promise<number> {
  await flushAnnotations();
  const list = await loadAllAnnotations();
  const now = Date.now();
  if (format === 'json') {
    download(`mlsd-pocket-backup-${stamp()}.json`, await backupText(list, manifest, now), 'application/json');
    await recordBackup(await openPocketDb(), now);
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
  return list.length;
}

/** The whole backup file: highlights and notes (W3C) plus every feature's records. */
async function backupText(list: Annotation[], manifest: ContentManifest, now: number): Promise<string> {
  const data = await import('./backup-data.ts').then((m) => m.collectData());
  return toWebAnnotationJson(list, { contentVersion: manifest.version, exportedAt: now, appVersion: APP_VERSION, data });
}

/**
 * "Send to another device": everything the user made, as one file handed to the system share
 * sheet (AirDrop, Nearby Share, a chat with yourself). Some platforms refuse `.json` as a shared
 * file, so it travels as a `.txt` holding the same JSON, which Import reads as well; where the
 * browser cannot share files, it is downloaded instead.
 */
export async function sendToDevice(manifest: ContentManifest): Promise<'shared' | 'downloaded' | 'cancelled'> {
  await flushAnnotations();
  const list = await loadAllAnnotations();
  const now = Date.now();
  const text = await backupText(list, manifest, now);
  const name = `mlsd-pocket-${stamp()}.txt`;
  const file = new File([text], name, { type: 'text/plain' });
  let how: 'shared' | 'downloaded' = 'downloaded';
  if (typeof navigator.canShare === 'function' && navigator.canShare({ files: [file] })) {
    try {
      await navigator.share({ files: [file], title: 'MLSD Pocket: everything I made' });
      how = 'shared';
    } catch (err) {
      if (err instanceof DOMException && err.name === 'AbortError') return 'cancelled';
      download(name, text, 'text/plain');
    }
  } else download(name, text, 'text/plain');
  await recordBackup(await openPocketDb(), now);
  return how;
}

/**
 * Reads a backup: validates all of it first, merges by stable id (no duplicates, the newer
 * edit wins) and writes everything in one transaction — or changes nothing and says why.
 */
export async function importBackup(file: File, manifest: ContentManifest): Promise<{ ok: boolean; message: string }> {
  if (file.size > LIMITS.maxBytes) {
    return { ok: false, message: `${tooLarge(file.size, LIMITS.maxBytes)} Nothing was changed.` };
  }
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { ok: false, message: 'The file could not be read. Nothing was changed.' };
  }
  const parsed = parseBackup(text, { knownChapterIds: new Set(manifest.chapters.map((c) => c.id)) });
  if (!parsed.ok) return { ok: false, message: `${parsed.message} Nothing was changed.` };
  const data = await import('./backup-data.ts').then((m) => m.readData((JSON.parse(text.replace(/^\uFEFF/, '')) as Record<string, unknown>)['mlsd:data'], Date.now()));
  if (!data.ok) return { ok: false, message: `${data.message} Nothing was changed.` };
  await flushAnnotations();
  const db = await openPocketDb();
  // Notes changed here since this device last sent or exported a backup, and changed in the file
  // too, were edited on both devices apart: they are merged, not replaced.
  const since = (await getBackupInfo(db)).lastBackupAt;
  const merged = mergeAnnotations(await allAnnotations(db), parsed.annotations, since);
  try {
    await putAnnotations(db, merged.toPut);
  } catch (err) {
    const why = err instanceof StorageFailure ? err.message : 'Saving failed.';
    return { ok: false, message: `${why} Nothing was imported; your notes are as they were.` };
  }
  adoptImported(merged.toPut);
  let more: string[] = [];
  try {
    more = await data.apply();
  } catch (err) {
    const why = err instanceof StorageFailure ? err.message : 'Saving failed.';
    return { ok: false, message: `Your highlights and notes were imported, but not the rest: ${why}` };
  }
  return {
    ok: true,
    message: `Imported ${merged.added} new and ${merged.updated} updated highlights and notes${merged.notesMerged ? `, ${merged.notesMerged} ${merged.notesMerged === 1 ? 'note' : 'notes'} merged (the words from both devices kept)` : ''}; ${merged.unchanged} were already here.${more.length ? ` Also ${more.join(', ')}.` : ''}`,
  };
}
