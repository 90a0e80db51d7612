import { parseDocId } from './doc-mapping.ts';
import type { RecordCodec } from './codecs.ts';
import type { UserStore } from '../storage/schema.ts';
import { formatCount } from '../ui/numbers.ts';

export type DocCheck =
  | { ok: true; store: UserStore; key: string; record: Record<string, unknown>; deleted: false }
  | { ok: true; store: UserStore; key: string; record: null; deleted: true }
  | { ok: false; id: string; problem: string };

/** Largest document accepted from a server: a note at its limit, with room for its anchor. */
export const MAX_DOC_CHARS = 400_000;

/**
 * Reads a document that came from the server as untrusted input: the same validation as an
 * imported backup, by the store's codec. A bad document is reported, never applied.
 */
export function readDoc(raw: unknown, now: number, codecFor: (store: UserStore) => RecordCodec | null): DocCheck {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, id: '(unknown)', problem: 'it is not a document' };
  const doc = raw as Record<string, unknown>;
  const id = typeof doc._id === 'string' ? doc._id : '(unknown)';
  const shownId = id.slice(0, 80);
  const where = parseDocId(id);
  if (!where) return { ok: false, id: shownId, problem: 'its id does not name a kind of record this app keeps' };
  if (doc._deleted === true) return { ok: true, store: where.store, key: where.key, record: null, deleted: true };
  if (doc.kind !== 'mlsd-record' || doc.v !== 1) return { ok: false, id: shownId, problem: 'it was not written by MLSD Pocket (or by a newer version)' };
  if (doc.store !== where.store || doc.key !== where.key) return { ok: false, id: shownId, problem: 'its id and its contents disagree' };
  let size = 0;
  try {
    size = JSON.stringify(doc.value ?? null).length;
  } catch {
    return { ok: false, id: shownId, problem: 'its contents cannot be read' };
  }
  if (size > MAX_DOC_CHARS) return { ok: false, id: shownId, problem: `it is too large (${formatCount(size)} characters)` };
  const codec = codecFor(where.store);
  if (!codec) return { ok: false, id: shownId, problem: `this version of the app cannot read ${where.store} yet` };
  const read = codec.fromJson(doc.value, now);
  if (!read.ok) return { ok: false, id: shownId, problem: read.problem };
  const record = read.record as Record<string, unknown>;
  const ownId = record.id ?? record.chapterId;
  if (typeof ownId === 'string' && ownId !== where.key) return { ok: false, id: shownId, problem: 'the record inside has another id' };
  return { ok: true, store: where.store, key: where.key, record, deleted: false };
}
