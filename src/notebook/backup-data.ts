import { backupSection, type BackupSection } from './backup-sections.ts';

/**
 * The "mlsd:data" part of the backup file: every feature's records beside the annotations.
 * A feature lists its module here (loaded only when a backup is made or read); the module
 * exports `backupIo`, which reads its records for an export and merges imported ones by id.
 */
export interface BackupIo {
  key: string;
  load(): Promise<unknown[]>;
  /** Merges validated records (the newer edit wins, nothing duplicated); returns how many were new. */
  save(records: unknown[]): Promise<{ added: number; updated: number }>;
}

const MODULES: (() => Promise<{ backupIo: BackupIo }>)[] = [
  () => import('../practice/backup-io.ts'),
  // Study: the settings first (the review log's import recomputes schedules at their retention),
  // then the reader's own cards, then the review log.
  () => import('../study/backup-settings-io.ts'),
  () => import('../study/backup-cards-io.ts'),
  () => import('../study/backup-reviews-io.ts'),
  () => import('../reader/positions-backup-io.ts'),
];

async function ios(): Promise<{ io: BackupIo; section: BackupSection }[]> {
  const loaded = await Promise.all(MODULES.map((m) => m().then((x) => x.backupIo)));
  return loaded.flatMap((io) => {
    const section = backupSection(io.key);
    return section ? [{ io, section }] : [];
  });
}

/** Every registered section's records, JSON-ready, keyed by section. */
export async function collectData(): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const { io, section } of await ios()) out[io.key] = (await io.load()).map((r) => section.toJson(r));
  return out;
}

export type ReadData = { ok: true; apply: () => Promise<string[]> } | { ok: false; message: string };

/** Validates every section of "mlsd:data" before anything is written; `apply` then merges each and says what it did. */
export async function readData(raw: unknown, now: number): Promise<ReadData> {
  if (raw === undefined) return { ok: true, apply: async () => [] };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, message: 'Its "mlsd:data" part is not an object.' };
  const plan: { io: BackupIo; section: BackupSection; records: unknown[] }[] = [];
  for (const { io, section } of await ios()) {
    const list = (raw as Record<string, unknown>)[io.key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) return { ok: false, message: `Its ${section.noun[1]} are not a list.` };
    if (list.length > section.maxRecords) return { ok: false, message: `It has ${list.length} ${section.noun[1]}; a backup holds at most ${section.maxRecords}.` };
    const records: unknown[] = [];
    for (const item of list) {
      const r = section.fromJson(item, now);
      if (!r.ok) return { ok: false, message: `One of its ${section.noun[1]} is damaged: ${r.problem}.` };
      records.push(r.record);
    }
    plan.push({ io, section, records });
  }
  return {
    ok: true,
    apply: async () => {
      const said: string[] = [];
      for (const { io, section, records } of plan) {
        const { added, updated } = await io.save(records);
        if (added || updated) said.push(`${added} new and ${updated} updated ${section.noun[added + updated === 1 ? 0 : 1]}`);
      }
      return said;
    },
  };
}
