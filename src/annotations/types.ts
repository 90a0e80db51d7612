/**
 * Highlights and notes: the user's own data. Stored as W3C Web Annotation selectors against the
 * chapter's plain text (the concatenated text of its element tree, `treeText(body)`), never as DOM
 * nodes, so they can be re-anchored when the guide is revised.
 */

export const COLOURS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type Colour = (typeof COLOURS)[number];

/** W3C TextQuoteSelector: the exact text with up to QUOTE_CONTEXT characters either side. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** W3C TextPositionSelector: character offsets into the chapter's plain text. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export const QUOTE_CONTEXT = 32;

export interface Anchor {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

export type AnnotationStatus = 'anchored' | 'orphaned';

export interface Annotation {
  /** Stable id (UUID): the same highlight keeps it through export, import and sync. */
  id: string;
  chapterId: string;
  /** A highlight has an anchor; a note on a whole chapter or section has none. */
  anchor: Anchor | null;
  /** For notes on a section (heading id); null for the whole chapter or a highlight. */
  sectionId: string | null;
  colour: Colour | null;
  /** Markdown, '' when there is no note. */
  note: string;
  /** Content version and chapter hash the anchor was last placed against. */
  contentVersion: string;
  chapterHash: string;
  status: AnnotationStatus;
  createdAt: number;
  updatedAt: number;
}

/** The result of placing a saved anchor in a (possibly revised) chapter text. */
export type Reanchored =
  | { status: 'anchored'; start: number; end: number; method: 'position' | 'quote' | 'fuzzy'; score: number }
  | { status: 'orphaned'; reason: 'not-found' | 'ambiguous' | 'low-confidence' };
