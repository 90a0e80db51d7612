import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ChapterMeta, ChapterPayload } from '../shared/content-types.ts';
import { openPocketDb } from '../storage/db.ts';
import { getProgress } from '../storage/progress-repo.ts';
import type { ReadingProgress } from '../storage/schema.ts';
import { changedSections, earnedRead, isRead, sectionHashes, updatedSinceRead } from './read-model.ts';

/** Progress writes load after the text is on screen (not part of the first load). */
const writes = () => import('../storage/progress-writes.ts');

export interface ReadState {
  read: boolean;
  /** Read against an older text: the sections that changed since (ids). Null when not updated. */
  changed: string[] | null;
  toggle(): void;
}

/**
 * A chapter's read state: sections on screen long enough are recorded as seen, the chapter
 * becomes read once nearly all are (or when the reader marks it), and a chapter read before a
 * content update knows which sections changed since.
 */
export function useReadState(meta: ChapterMeta, chapter: ChapterPayload | null, host: HTMLElement | null, topInset: () => number): ReadState {
  const [progress, setProgress] = useState<ReadingProgress | null>(null);
  const seen = useRef(new Set<string>());
  // Once per chapter text, not on every render (the reader re-renders as it scrolls).
  const hashes = useMemo(() => (chapter && chapter.hash === meta.hash ? sectionHashes(chapter.body) : null), [chapter, meta.hash]);

  useEffect(() => {
    let live = true;
    void openPocketDb()
      .then((db) => getProgress(db, meta.id))
      .then((p) => {
        if (!live) return;
        seen.current = new Set(p?.seen ?? []);
        setProgress(p);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [meta.id]);

  useEffect(() => {
    if (!host || !hashes) return;
    const sections = meta.outline.filter((o) => o.level === 2).map((o) => o.id);
    // The watcher loads after the text is on screen (not part of the first load).
    let stop: (() => void) | null = null;
    let live = true;
    void import('./section-dwell.ts').then(({ watchSectionDwell }) => {
      if (!live) return;
      stop = watchSectionDwell(
      host,
      seen.current,
      (id) => {
        seen.current.add(id);
        const read = earnedRead(seen.current, sections) ? { hash: meta.hash, sections: hashes } : null;
        void Promise.all([openPocketDb(), writes()])
          .then(([db, w]) => w.recordSeen(db, meta.id, [id], read))
          .then(setProgress)
          .catch(() => undefined);
      },
      topInset,
      );
    });
    return () => {
      live = false;
      stop?.();
    };
  }, [host, meta.hash, hashes !== null]);

  const read = isRead(progress);
  return {
    read,
    changed: hashes && updatedSinceRead(progress, meta.hash) ? changedSections(progress?.readSections, hashes) : null,
    toggle() {
      const next = read ? null : { hash: meta.hash, sections: hashes ?? {} };
      if (!next) seen.current.clear();
      void Promise.all([openPocketDb(), writes()])
        .then(([db, w]) => w.setRead(db, meta.id, next))
        .then(setProgress)
        .catch(() => undefined);
    },
  };
}
