import type { Anchor, Annotation, Colour } from '../annotations/types.ts';

export interface ChapterRef {
  chapterId: string;
  chapterHash: string;
  contentVersion: string;
}

/** A new highlight (with an anchor) or a note on a chapter or section (without one). */
export function newAnnotation(ref: ChapterRef, fields: { anchor: Anchor | null; colour: Colour | null; sectionId?: string | null; note?: string }, now = Date.now()): Annotation {
  return {
    id: crypto.randomUUID(),
    chapterId: ref.chapterId,
    anchor: fields.anchor,
    sectionId: fields.sectionId ?? null,
    colour: fields.colour,
    note: fields.note ?? '',
    contentVersion: ref.contentVersion,
    chapterHash: ref.chapterHash,
    status: 'anchored',
    createdAt: now,
    updatedAt: now,
  };
}
