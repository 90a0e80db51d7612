/** The content contract between the build step, the service worker and the reader. */

export type Part = 'start' | 'framework' | 'concepts' | 'cases' | 'glossary' | 'prompts';
export const PARTS: readonly Part[] = ['start', 'framework', 'concepts', 'cases', 'glossary', 'prompts'];
/** The parts the library lists and previous/next walks through (prompts live only under /practice). */
export const READING_PARTS: readonly Part[] = ['start', 'framework', 'concepts', 'cases', 'glossary'];

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

/** The level at which an interviewer expects a rubric checkpoint. */
export type RubricLevel = 'L4' | 'L5' | 'L6+';

/** One thing an interviewer looks for, linked to the guide section that teaches it. */
export interface RubricCheckpoint {
  /** `${id of the chapter that owns the rubric}:r${step}-${n}`, n counting from 1 within the step. */
  id: string;
  level: RubricLevel;
  text: string;
  /** The linked guide chapter and heading id. */
  chapterId: string;
  sectionId: string;
}

export interface RubricStep {
  /** 1 to 7, the framework's steps. */
  step: number;
  checkpoints: RubricCheckpoint[];
}

export interface ChapterMeta {
  id: string;
  part: Part;
  order: number;
  title: string;
  summary: string;
  minutes: number;
  step?: number;
  /** Case studies and prompts: the family the library groups it under. */
  family?: Family;
  /** Chapters with a rubric: how many checkpoints it has. */
  checkpoints?: number;
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
  /** Release date of this version (ISO date, added at build time): what readers are shown instead of the hash. */
  released?: string;
  chapters: ChapterMeta[];
}

export interface ChapterPayload {
  id: string;
  hash: string;
  title: string;
  body: TreeNode[];
  cards: Card[];
  /** Case studies and prompts: the ```rubric block, compiled (never rendered in the body). */
  rubric?: RubricStep[];
}

export const MANIFEST_URL = '/content/manifest.json';
export const chapterUrl = (id: string, hash: string): string => `/content/chapters/${id}.${hash}.json`;
export const chapterPath = (id: string): string => `/read/${id}`;
