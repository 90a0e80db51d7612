import { USER_STORES, type UserStore } from '../storage/schema.ts';
import type { SyncDoc } from './types.ts';

const STORES = new Set<string>(USER_STORES);

/** The document id of one user record. */
export const docId = (store: UserStore, key: string): string => `${store}:${key}`;

/** The store and key a document id names, or null for ids that are not ours (design docs, junk). */
export function parseDocId(id: string): { store: UserStore; key: string } | null {
  const at = id.indexOf(':');
  if (at <= 0) return null;
  const store = id.slice(0, at);
  const key = id.slice(at + 1);
  if (!STORES.has(store) || key.length === 0 || key.length > 200) return null;
  return { store: store as UserStore, key };
}

/** When a record last changed, as its own fields say (falls back to `now`). */
export function changedAt(value: Record<string, unknown>, now: number): number {
  for (const field of ['updatedAt', 'reviewedAt', 'createdAt']) {
    const t = value[field];
    if (typeof t === 'number' && Number.isFinite(t)) return t;
  }
  return now;
}

/** A user record as the document that carries it. */
export function toDoc(store: UserStore, key: string, value: Record<string, unknown>, device: string, now: number): SyncDoc {
  return { _id: docId(store, key), kind: 'mlsd-record', v: 1, store, key, value, updatedAt: changedAt(value, now), device };
}

/**
 * Two values are the same record when their JSON is the same, whatever the key order
 * (IndexedDB and CouchDB both keep objects, but neither promises an order).
 */
export function sameValue(a: unknown, b: unknown): boolean {
  return stableJson(a) === stableJson(b);
}

function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}
