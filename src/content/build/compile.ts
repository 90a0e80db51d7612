import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { FAMILIES, type Card, type ChapterMeta, type ChapterPayload, type ContentManifest, type OutlineEntry, type Part, type TreeNode } from '../../shared/content-types.ts';
import type { ContentProblem } from './errors.ts';
import { splitFrontMatter, type FrontMatter } from './front-matter.ts';
import { renderMarkdown, type HeadingInfo, type LinkRef } from './markdown.ts';
import { sanitizeToTree } from './sanitize-build.ts';
import { termKey } from './slug.ts';
import { treeText } from './tree.ts';
import { smartQuotes, smartQuotesText } from './typography.ts';
import { checkStructure, checkPlaceholders, checkRubricPlacement, MIN_CARDS } from './rules.ts';
import { compileRubric } from './rubric.ts';
import type { RubricLink } from './markdown.ts';

export interface CompiledChapter {
  meta: ChapterMeta;
  payload: ChapterPayload;
  file: string;
  terms: string[];
}

export interface CompileResult {
  manifest: ContentManifest;
  chapters: CompiledChapter[];
  problems: ContentProblem[];
}

export interface SourceFile {
  /** Path relative to content/, with forward slashes. */
  rel: string;
  /** Path to show in messages. */
  file: string;
  source: string;
}

const FILE_NAME = /^(\d{2})-[a-z0-9]+(?:-[a-z0-9]+)*\.md$/;
const WORDS_PER_MINUTE = 220;

/**
 * Reading time, computed from the text (front-matter `minutes` is accepted but ignored): the
 * words outside cards and diagrams at 220 a minute, plus a minute per diagram and half a minute
 * per table (read more slowly than prose), rounded up.
 */
export function readingMinutes(words: number, diagrams: number, tables: number): number {
  return Math.max(1, Math.ceil(words / WORDS_PER_MINUTE + diagrams + tables / 2));
}
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

/** Every .md file under `dir`, sorted, as SourceFiles. */
export function readContentDir(dir: string, shownAs = 'content'): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.md')) {
        const rel = relative(dir, full).split(sep).join('/');
        out.push({ rel, file: `${shownAs}/${rel}`, source: readFileSync(full, 'utf8') });
      }
    }
  };
  walk(dir);
  return out;
}

interface Parsed {
  src: SourceFile;
  front: FrontMatter;
  body: string;
  bodyStart: number;
  order: number;
}

/** Compiles the guide: validates every checked rule and renders each chapter to a sanitized tree. */
export function compileContent(files: SourceFile[]): CompileResult {
  const problems: ContentProblem[] = [];
  const parsed: Parsed[] = [];
  const ids = new Map<string, string>();

  for (const src of files) {
    const p = (line: number, message: string) => problems.push({ file: src.file, line, message });
    const split = splitFrontMatter(src.file, src.source, problems);
    const segments = src.rel.split('/');
    const isGlossary = src.rel === 'glossary.md';
    const name = segments[segments.length - 1] ?? '';
    const fileMatch = FILE_NAME.exec(name);
    if (!isGlossary && (segments.length !== 2 || !fileMatch)) {
      p(1, 'content files live at content/<part>/NN-slug.md (or content/glossary.md)');
    }
    if (!split.front) continue;
    const expectedPart: Part | string = isGlossary ? 'glossary' : (segments[0] ?? '');
    if (split.front.part !== expectedPart) p(2, `part "${split.front.part}" does not match the folder "${expectedPart}"`);
    const seen = ids.get(split.front.id);
    if (seen) p(2, `id "${split.front.id}" is already used by ${seen}`);
    ids.set(split.front.id, src.file);
    parsed.push({
      src,
      front: split.front,
      body: split.body,
      bodyStart: src.source.length - split.body.length,
      order: fileMatch ? Number(fileMatch[1]) : 0,
    });
  }

  const pathToId = new Map(parsed.map((c) => [c.src.rel, c.front.id]));
  const glossary = parsed.find((c) => c.front.part === 'glossary');
  const glossaryTerms = new Set(
    glossary ? [...glossary.body.matchAll(/^###\s+(.+?)\s*$/gm)].map((m) => termKey(m[1] ?? '')) : [],
  );

  const anchors = new Map<string, Set<string>>();
  const headingIds = new Map<string, Set<string>>();
  const pendingRubricLinks: { file: string; link: RubricLink }[] = [];
  const pendingLinks: { file: string; link: LinkRef }[] = [];
  const compiled: CompiledChapter[] = [];

  for (const c of parsed) {
    const p = (line: number, message: string) => problems.push({ file: c.src.file, line, message });
    const rendered = renderMarkdown(c.body, {
      file: c.src.file,
      relPath: c.src.rel,
      chapterId: c.front.id,
      source: c.src.source,
      bodyStart: c.bodyStart,
      pathToId,
      glossaryTerms,
      problem: p,
    });
    checkPlaceholders(c.src.source, c.bodyStart, p);
    checkStructure(c.front, rendered.headings, c.body, p);
    checkRubricPlacement(c.front.part, rendered.rubric, p);
    headingIds.set(c.front.id, new Set(rendered.headings.map((h) => h.id)));
    rendered.rubric?.links.forEach((link) => pendingRubricLinks.push({ file: c.src.file, link }));
    const rubric = rendered.rubric?.steps.length ? compileRubric(c.front.id, rendered.rubric.steps, rendered.rubric.links) : undefined;
    // Typography: curly quotes (one character for one, so highlight offsets hold); card ids come from the straight text.
    // A prompt's "## Rubric" holds only the block, which is data: its heading would stand empty.
    const straight = sanitizeToTree(rendered.html).filter((n) => !(c.front.part === 'prompts' && typeof n !== 'string' && n[0] === 'h2' && n[1]?.id === 'rubric'));
    const body = smartQuotes(straight);
    const title = smartQuotesText(c.front.title);
    const allIds = collectIds(body);
    const duplicate = allIds.find((id, i) => allIds.indexOf(id) !== i);
    if (duplicate) p(1, `two elements share the id "${duplicate}"`);
    anchors.set(c.front.id, new Set(allIds));
    rendered.links.forEach((link) => pendingLinks.push({ file: c.src.file, link }));

    const cards = extractCards(c.front.id, straight).map((card) => ({ ...card, question: smartQuotes(card.question), answer: smartQuotes(card.answer) }));
    const minCards = MIN_CARDS[c.front.part] ?? 0;
    if (cards.length < minCards) p(1, `${cards.length} recall cards; a ${c.front.part} chapter needs at least ${minCards}`);
    const seenQ = new Set<string>();
    for (const card of cards) {
      if (seenQ.has(card.id)) p(1, `two cards ask the same question (${card.id})`);
      seenQ.add(card.id);
    }
    const text = treeText(stripCardsAndFigures(body));
    const words = text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
    const payloadCore = { id: c.front.id, title, body, cards, ...(rubric ? { rubric } : {}) };
    const hash = sha(JSON.stringify([payloadCore, c.front])).slice(0, 16);
    const payload: ChapterPayload = { id: c.front.id, hash, title, body, cards, ...(rubric ? { rubric } : {}) };
    const outline = outlineOf(rendered.headings).filter((o) => c.front.part !== 'prompts' || o.id !== 'rubric');
    const meta: ChapterMeta = {
      id: c.front.id,
      part: c.front.part,
      order: c.order,
      title,
      summary: smartQuotesText(c.front.summary),
      minutes: readingMinutes(words, countTags(body, 'figure'), countTags(body, 'table')),
      ...(c.front.step ? { step: c.front.step } : {}),
      ...(c.front.family ? { family: c.front.family } : {}),
      ...(rubric ? { checkpoints: rubric.reduce((n, s) => n + s.checkpoints.length, 0) } : {}),
      tags: c.front.tags,
      outline,
      hash,
      bytes: Buffer.byteLength(JSON.stringify(payload)),
      cardCount: cards.length,
      words,
    };
    compiled.push({ meta, payload, file: c.src.file, terms: rendered.terms });
  }

  for (const { file, link } of pendingLinks) {
    if (link.anchor && !anchors.get(link.chapterId)?.has(link.anchor)) {
      problems.push({ file, line: link.line, message: `link "${link.raw}": no heading or block with id "${link.anchor}"` });
    }
  }
  const partOf = new Map(parsed.map((c) => [c.front.id, c.front.part]));
  for (const { file, link } of pendingRubricLinks) {
    if (partOf.get(link.chapterId) === 'prompts') {
      problems.push({ file, line: link.line, message: `link "${link.raw}": a checkpoint links to the guide, not to another prompt` });
    } else if (!headingIds.get(link.chapterId)?.has(link.anchor)) {
      problems.push({ file, line: link.line, message: `link "${link.raw}": no heading with id "${link.anchor}"` });
    }
  }
  if (!glossary) problems.push({ file: 'content/glossary.md', line: 1, message: 'the glossary is missing' });

  const partOrder: Part[] = ['start', 'framework', 'concepts', 'cases', 'glossary', 'prompts'];
  // Case studies read by family (the FAMILIES order), then by file number within a family; their
  // `order` becomes that reading position, so everything that sorts by order (previous/next, the
  // notebook, search) agrees. Files keep their numbers and chapters their ids.
  const familyRank = (m: ChapterMeta) => (m.part === 'cases' && m.family ? FAMILIES.indexOf(m.family) : -1);
  compiled.sort(
    (a, b) =>
      partOrder.indexOf(a.meta.part) - partOrder.indexOf(b.meta.part) ||
      familyRank(a.meta) - familyRank(b.meta) ||
      a.meta.order - b.meta.order,
  );
  compiled.filter((c) => c.meta.part === 'cases').forEach((c, i) => (c.meta.order = i + 1));
  const version = sha(compiled.map((c) => `${c.meta.hash}:${c.meta.order}:${c.meta.minutes}`).join(',')).slice(0, 12);
  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return { manifest: { version, chapters: compiled.map((c) => c.meta) }, chapters: compiled, problems };
}

function outlineOf(headings: HeadingInfo[]): OutlineEntry[] {
  return headings
    .filter((h) => h.depth === 2 || h.depth === 3)
    .map((h) => ({ id: h.id, title: smartQuotesText(h.text), level: h.depth as 2 | 3 }));
}

function countTags(nodes: TreeNode[], tag: string): number {
  let n = 0;
  const walk = (x: TreeNode) => {
    if (typeof x === 'string') return;
    if (x[0] === tag) n++;
    x.slice(2).forEach((c) => walk(c as TreeNode));
  };
  nodes.forEach(walk);
  return n;
}

function collectIds(nodes: TreeNode[]): string[] {
  const out: string[] = [];
  const walk = (n: TreeNode) => {
    if (typeof n === 'string') return;
    if (n[1]?.id) out.push(n[1].id);
    n.slice(2).forEach((c) => walk(c as TreeNode));
  };
  nodes.forEach(walk);
  return out;
}

const hasClass = (n: TreeNode, cls: string) => typeof n !== 'string' && (n[1]?.class ?? '').split(' ').includes(cls);

function stripCardsAndFigures(nodes: TreeNode[]): TreeNode[] {
  return nodes.filter((n) => !hasClass(n, 'cards') && !(typeof n !== 'string' && n[0] === 'figure'));
}

/** The cards as structured data, each tied to the section it sits in. */
function extractCards(chapterId: string, body: TreeNode[]): Card[] {
  const cards: Card[] = [];
  let section = 'intro';
  for (const node of body) {
    if (typeof node === 'string') continue;
    if (node[0] === 'h2' && node[1]?.id) section = node[1].id;
    if (!hasClass(node, 'cards')) continue;
    for (const d of node.slice(2) as TreeNode[]) {
      if (typeof d === 'string' || d[0] !== 'details') continue;
      const parts = d.slice(2) as TreeNode[];
      const summary = parts.find((x) => typeof x !== 'string' && x[0] === 'summary');
      const answer = parts.find((x) => hasClass(x, 'card-a'));
      if (!summary || typeof summary === 'string' || !answer || typeof answer === 'string') continue;
      const question = summary.slice(2) as TreeNode[];
      const id = `${chapterId}:${sha(treeText(question).trim().toLowerCase()).slice(0, 10)}`;
      cards.push({ id, chapterId, sectionId: section, question, answer: answer.slice(2) as TreeNode[] });
    }
  }
  return cards;
}
