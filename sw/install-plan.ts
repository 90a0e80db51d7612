import type { ChapterMeta, ContentManifest } from '../src/shared/content-types.ts';

/**
 * How to bring the stored guide to `next` (pure). Invariant kept by every mode: a chapter in the
 * `chapters` store always has the hash the `meta.content` pointer names for it.
 * - `none`: the pointer is `next` and every chapter is stored.
 * - `progressive`: first save, or a save that stopped part-way. The pointer moves to `next` first
 *   (dropping stored chapters whose text changed), then each chapter is stored as it arrives, so
 *   whatever was saved stays readable and the next sync resumes with what is missing.
 * - `atomic`: a complete guide is updated; the changed chapters and the pointer commit together.
 */
export interface InstallPlan {
  mode: 'none' | 'progressive' | 'atomic';
  download: ChapterMeta[];
  /** Stored chapters to delete (changed or dropped by `next`). */
  remove: string[];
  /** Chapters of `next` already stored and kept. */
  kept: number;
}

export function planInstall(installed: ContentManifest | null, stored: ReadonlySet<string>, next: ContentManifest): InstallPlan {
  const have = new Map((installed?.chapters ?? []).filter((c) => stored.has(c.id)).map((c) => [c.id, c.hash]));
  const complete = !!installed && installed.chapters.every((c) => stored.has(c.id));
  const download = next.chapters.filter((c) => have.get(c.id) !== c.hash);
  const wanted = new Map(next.chapters.map((c) => [c.id, c.hash]));
  const remove = [...stored].filter((id) => !have.has(id) || wanted.get(id) !== have.get(id));
  const kept = next.chapters.length - download.length;
  if (complete && installed?.version === next.version && download.length === 0) return { mode: 'none', download: [], remove: [], kept };
  // An atomic update overwrites changed chapters in the same transaction: it removes only dropped ones.
  if (complete) return { mode: 'atomic', download, remove: remove.filter((id) => !wanted.has(id)), kept };
  return { mode: 'progressive', download, remove, kept };
}

/** The plain sentence for a first save that stopped: what is readable, and what happens next. */
export function pausedMessage(stored: number, total: number, reason: 'network' | 'damaged'): string {
  const why = reason === 'network' ? 'the connection dropped' : 'a chapter arrived damaged';
  return `Saving the guide paused (${why}). ${stored} of ${total} chapters are on this device; the rest will be saved when you are back online.`;
}
