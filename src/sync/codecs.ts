import type { Annotation } from '../annotations/types.ts';
import type { BackupSection } from '../notebook/backup-sections.ts';
import { toWebAnnotation } from '../notebook/export-json.ts';
import { readItem } from '../notebook/validate-item.ts';
import { attemptsSection } from '../practice/backup-attempts.ts';
import { positionsSection } from '../reader/positions-section.ts';
import type { UserStore } from '../storage/schema.ts';
import { cardsSection, reviewsSection } from '../study/backup-study.ts';

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

/** The backup section that carries each store: the same validation as an import. */
const SECTION_OF: Record<Exclude<UserStore, 'annotations'>, BackupSection<never>> = {
  progress: positionsSection as BackupSection<never>,
  cards: cardsSection as BackupSection<never>,
  reviews: reviewsSection as BackupSection<never>,
  attempts: attemptsSection as BackupSection<never>,
};

/** The codec of a store (every user store has one). */
export function codecFor(store: UserStore): RecordCodec | null {
  if (store === 'annotations') return annotationCodec;
  const section = SECTION_OF[store];
  return section ? { toJson: (r) => section.toJson(r as never), fromJson: (raw, now) => section.fromJson(raw, now) } : null;
}
