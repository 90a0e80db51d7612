/**
 * Everything the user made beyond highlights and notes travels in the same backup file, as
 * named sections under `"mlsd:data": { "<key>": [...] }` beside the W3C annotation page.
 * Each feature registers one section here (study: cards and reviews; practice: attempts; the
 * reader: positions and settings). Export collects every section; import validates every
 * section before anything is written (all-or-nothing, one clear message), then merges each by
 * its stable ids. A file without "mlsd:data" (an older backup) is still valid.
 *
 * Section modules must stay pure (no IndexedDB, no DOM): the store that performs an import or
 * export passes records in and takes records out.
 */
export interface BackupSection<T = unknown> {
  /** The key under "mlsd:data", e.g. "cards", "reviews", "attempts". */
  key: string;
  /** What one record is called in messages: ["card", "cards"]. */
  noun: readonly [singular: string, plural: string];
  /** Most records a backup may carry for this section (so export ⊆ import). */
  maxRecords: number;
  /** JSON-ready form of one record (lossless). */
  toJson(record: T): unknown;
  /**
   * Validates one raw record: the record, or a plain-words problem ("its grade is 7; a grade is 1 to 4").
   * `now` lets a section refuse dates in the future.
   */
  fromJson(raw: unknown, now: number): { ok: true; record: T } | { ok: false; problem: string };
  /** Stable identity for merging and for "nothing duplicated". */
  idOf(record: T): string;
}

const sections = new Map<string, BackupSection>();

/** Registers a section (idempotent by key; the last registration wins). */
export function registerBackupSection<T>(section: BackupSection<T>): void {
  sections.set(section.key, section as BackupSection);
}

export function backupSections(): BackupSection[] {
  return [...sections.values()];
}

export function backupSection(key: string): BackupSection | undefined {
  return sections.get(key);
}
