/** The content contract between the build step, the service worker and the reader. */

export type Part = 'start' | 'framework' | 'concepts' | 'cases' | 'glossary';
export const PARTS: readonly Part[] = ['start', 'framework', 'concepts', 'cases', 'glossary'];

/** Case-study families, in the order the library teaches them (not the order of any book). */
export type Family = 'recommendations' | 'search' | 'ads' | 'trust' | 'forecasting' | 'genai';
export const FAMILIES: readonly Family[] = ['recommendations', 'search', 'ads', 'trust', 'forecasting', 'genai'];
export const FAMILY_NAMES: Record<Family, string> = {
  recommendations: 'Recommendations and feeds',
  search: 'Search and retrieval',
  ads: 'Ads and marketplaces',
  trust: 'Trust and safety',
  forecasting: 'Forecasting and risk',
  genai: 'Generative AI',
};

/**
 * A sanitized element tree: a text node is a string; an element is
 * [tag, attributes or null, ...children]. The reader builds DOM from it with
 * createElement, so no HTML string is ever parsed at run time.
 */
export type TreeNode = string | TreeElement;
export type TreeElement = [tag: string, attrs: Record<string, string> | null, ...children: TreeNode[]];

export interface OutlineEntry {
  id: string;
  title: string;
  /** 2 for a section (##), 3 for a subsection (###). */
  level: 2 | 3;
}

export interface Card {
  /** Stable across edits that keep the question: `${chapterId}:${hash of question}`. */
  id: string;
  chapterId: string;
  /** The section (## heading id) the card belongs to, for "one step across every case". */
  sectionId: string;
  question: TreeNode[];
  answer: TreeNode[];
}

export interface ChapterMeta {
  id: string;
  part: Part;
  order: number;
  title: string;
  summary: string;
  minutes: number;
  step?: number;
  /** Case studies only: the family the library groups it under. */
  family?: Family;
  tags: string[];
  outline: OutlineEntry[];
  /** Content hash of the payload; a chapter is downloaded again only when it changes. */
  hash: string;
  bytes: number;
  cardCount: number;
  words: number;
}

export interface ContentManifest {
  /** Hash of every chapter hash: changes when any chapter changes. */
  version: string;
  chapters: ChapterMeta[];
}

export interface ChapterPayload {
  id: string;
  hash: string;
  title: string;
  body: TreeNode[];
  cards: Card[];
}

export const MANIFEST_URL = '/content/manifest.json';
export const chapterUrl = (id: string, hash: string): string => `/content/chapters/${id}.${hash}.json`;
export const chapterPath = (id: string): string => `/read/${id}`;
