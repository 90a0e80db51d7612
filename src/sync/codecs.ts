import type { Annotation } from '../annotations/types.ts';
import { backupSection } from '../notebook/backup-sections.ts';
import { toWebAnnotation } from '../notebook/export-json.ts';
import { readItem } from '../notebook/validate-item.ts';
import type { UserStore } from '../storage/schema.ts';

/** How one store's records are written into documents and read back (validated) from them. */
export interface RecordCodec {
  toJson(record: unknown): unknown;
  fromJson(raw: unknown, now: number): { ok: true; record: unknown } | { ok: false; problem: string };
}

/** Highlights and notes travel as W3C Web Annotations, exactly as in a backup file. */
const annotationCodec: RecordCodec = {
  toJson: (record) => toWebAnnotation(record as Annotation, (record as Annotation).updatedAt),
  fromJson: (raw) => {
    const r = readItem(raw);
    return r.ok ? { ok: true, record: r.annotation } : { ok: false, problem: r.problem };
  },
};

/** The backup section that carries each store (the same validation as an import). */
const SECTION_OF: Partial<Record<UserStore, string>> = {
  progress: 'positions',
  cards: 'cards',
  reviews: 'reviews',
  attempts: 'attempts',
};

/** The codec of a store, or null while no feature has registered how its records travel. */
export function codecFor(store: UserStore): RecordCodec | null {
  if (store === 'annotations') return annotationCodec;
  const key = SECTION_OF[store];
  const section = key ? backupSection(key) : undefined;
  return section ? { toJson: (r) => section.toJson(r), fromJson: (raw, now) => section.fromJson(raw, now) } : null;
}
