/**
 * The second copy's format (pure: no files, no DOM). The copy is a snapshot (every record the
 * user made, at one moment) plus an append-only journal of the writes since. One journal entry is
 * one line: its JSON, a tab, and a checksum of that JSON. Replaying applies every whole, valid
 * line in order and stops at the first damaged one (a write torn by a crash or a full disk), so a
 * torn tail costs at most the entry being written, never the entries before it.
 */

/** A mirrored area: an IndexedDB store of user data, or `settings` (localStorage keys). */
export type MirrorArea = string;

export interface MirrorWrite {
  area: MirrorArea;
  key: string;
  /** null: the record was deleted. */
  value: unknown | null;
}

export interface JournalEntry {
  /** When the write was made (ms). */
  at: number;
  writes: MirrorWrite[];
}

export interface MirrorState {
  records: Record<MirrorArea, Record<string, unknown>>;
  /** Time of the last change applied (0: never). */
  changedAt: number;
}

export const emptyState = (): MirrorState => ({ records: {}, changedAt: 0 });

/** FNV-1a, 32 bits, over UTF-16 code units: enough to tell a torn or damaged line from a whole one. */
export function checksum(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** One journal line (with its newline). */
export function encodeEntry(entry: JournalEntry): string {
  const json = JSON.stringify(entry);
  return `${json}\t${checksum(json)}\n`;
}

function isEntry(v: unknown): v is JournalEntry {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Partial<JournalEntry>;
  return (
    typeof e.at === 'number' &&
    Array.isArray(e.writes) &&
    e.writes.every((w) => typeof w === 'object' && w !== null && typeof w.area === 'string' && typeof w.key === 'string' && 'value' in w)
  );
}

/** The journal's entries in order, and whether it ended in a damaged (torn) line. */
export function parseJournal(text: string): { entries: JournalEntry[]; torn: boolean } {
  const entries: JournalEntry[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '' && i === lines.length - 1) break; // after the last newline
    const tab = line.lastIndexOf('\t');
    const json = tab < 0 ? '' : line.slice(0, tab);
    let entry: unknown = null;
    if (tab >= 0 && checksum(json) === line.slice(tab + 1)) {
      try {
        entry = JSON.parse(json);
      } catch {
        entry = null;
      }
    }
    if (!isEntry(entry)) return { entries, torn: true };
    entries.push(entry);
  }
  return { entries, torn: false };
}

/** Applies writes to a state (mutating it; the mirror keeps one state per page). */
export function applyWrites(state: MirrorState, writes: readonly MirrorWrite[], at: number): MirrorState {
  for (const w of writes) {
    const area = (state.records[w.area] ??= {});
    if (w.value === null) delete area[w.key];
    else area[w.key] = w.value;
  }
  state.changedAt = Math.max(state.changedAt, at);
  return state;
}

/** A snapshot file's text: the state, with a checksum so a damaged snapshot is never trusted. */
export function encodeSnapshot(state: MirrorState): string {
  const json = JSON.stringify(state);
  return `${checksum(json)}\n${json}`;
}

/** The state a snapshot holds, or null when it is missing or damaged. */
export function decodeSnapshot(text: string | null): MirrorState | null {
  if (!text) return null;
  const nl = text.indexOf('\n');
  const json = text.slice(nl + 1);
  if (nl < 0 || checksum(json) !== text.slice(0, nl)) return null;
  try {
    const v = JSON.parse(json) as MirrorState;
    return typeof v === 'object' && v && typeof v.records === 'object' && typeof v.changedAt === 'number' ? v : null;
  } catch {
    return null;
  }
}

/** Snapshot + journal → the state they describe. */
export function replay(snapshotText: string | null, journalText: string): { state: MirrorState; entries: number; torn: boolean; snapshotOk: boolean } {
  const snap = decodeSnapshot(snapshotText);
  const state = snap ?? emptyState();
  const { entries, torn } = parseJournal(journalText);
  for (const e of entries) applyWrites(state, e.writes, e.at);
  return { state, entries: entries.length, torn, snapshotOk: snap !== null || !snapshotText };
}

/** Records per area. */
export function countsOf(state: MirrorState): Record<MirrorArea, number> {
  const out: Record<MirrorArea, number> = {};
  for (const [area, recs] of Object.entries(state.records)) out[area] = Object.keys(recs).length;
  return out;
}
