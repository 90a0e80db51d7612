import type { FrontMatter } from './front-matter.ts';
import { lineAt } from './errors.ts';
import type { HeadingInfo } from './markdown.ts';
import { slug } from 'github-slugger';

type Problem = (line: number, message: string) => void;

/** The nine `##` sections every case study has, in this order (CONTENT.md: checked). */
export const CASE_SECTIONS = [
  '1. Clarify requirements',
  '2. Frame it as an ML task',
  '3. Prepare the data',
  '4. Develop the model',
  '5. Evaluate',
  '6. Deploy and serve',
  '7. Monitor and iterate',
  'Interview follow-ups',
  'Sources',
] as const;

/** The three `##` sections of a prompt-only entry, in this order, with nothing else. */
export const PROMPT_SECTIONS = ['Brief', 'Scale', 'Rubric'] as const;

/** Where a ```rubric block may sit: the section id it must be in, by part. */
const RUBRIC_SECTION: Partial<Record<FrontMatter['part'], string>> = { cases: 'interview-follow-ups', prompts: 'rubric' };

/** Minimum recall cards per chapter, by part (CONTENT.md: checked). */
export const MIN_CARDS: Partial<Record<FrontMatter['part'], number>> = { framework: 8, concepts: 8, cases: 8 };

const PLACEHOLDER = /\b(TODO|TBD|lorem ipsum|lorem|coming soon)\b/i;

export function checkPlaceholders(source: string, bodyStart: number, problem: Problem): void {
  const re = new RegExp(PLACEHOLDER.source, 'gi');
  for (const m of source.slice(bodyStart).matchAll(re)) {
    problem(lineAt(source, bodyStart + (m.index ?? 0)), `placeholder text "${m[0]}" is not allowed`);
  }
}

/** Heading shape: one `#` title first, only `##`/`###` after it, no empty section, case order. */
export function checkStructure(front: FrontMatter, headings: HeadingInfo[], body: string, problem: Problem): void {
  const first = headings[0];
  if (!first || first.depth !== 1) problem(first?.line ?? 1, 'a chapter starts with one "# Title" heading');
  else if (first.text.trim() !== front.title) problem(first.line, `the # title "${first.text}" differs from the front matter title "${front.title}"`);
  headings.slice(1).forEach((h, i) => {
    const prev = headings[i];
    if (h.depth === 1) problem(h.line, 'only one "#" heading per chapter');
    if (h.depth > 3) problem(h.line, `"${'#'.repeat(h.depth)}" headings are too deep; use ## and ### only`);
    if (prev && h.depth > prev.depth + 1) problem(h.line, `heading level jumps from ${prev.depth} to ${h.depth}`);
  });
  checkEmptySections(body, headings, problem);
  if (front.part === 'cases') checkCaseSections(headings, problem);
  if (front.part === 'prompts') checkPromptSections(headings, problem);
}

/** A rubric only in a case study (end of "Interview follow-ups") or a prompt (its "Rubric"); every prompt has one. */
export function checkRubricPlacement(
  part: FrontMatter['part'],
  rubric: { sectionId: string | null; line: number } | null,
  problem: Problem,
): void {
  const wanted = RUBRIC_SECTION[part];
  if (!rubric) {
    if (part === 'prompts') problem(1, 'a prompt needs a ```rubric block in its "## Rubric" section');
    return;
  }
  if (!wanted) problem(rubric.line, 'a rubric block belongs only in a case study or a prompt');
  else if (rubric.sectionId !== wanted) {
    problem(rubric.line, `the rubric block goes in the "${part === 'cases' ? 'Interview follow-ups' : 'Rubric'}" section`);
  }
}

function checkPromptSections(headings: HeadingInfo[], problem: Problem): void {
  const rest = headings.slice(1);
  const deep = rest.find((h) => h.depth > 2);
  if (deep) problem(deep.line, `a prompt has only ## sections; "${deep.text}" is too deep`);
  const names = rest.filter((h) => h.depth === 2).map((h) => h.text.trim());
  const expected: readonly string[] = PROMPT_SECTIONS;
  const firstWrong = expected.findIndex((n, i) => names[i] !== n);
  if (firstWrong >= 0 || names.length !== expected.length) {
    const at = rest.filter((h) => h.depth === 2)[firstWrong >= 0 ? firstWrong : expected.length];
    problem(
      at?.line ?? 1,
      `a prompt has exactly these ## sections in order: ${expected.join(' | ')}; ` +
        `found "${firstWrong >= 0 ? (names[firstWrong] ?? '(end)') : names[expected.length]}" where "${firstWrong >= 0 ? expected[firstWrong] : '(nothing more)'}" belongs`,
    );
  }
}

function checkEmptySections(body: string, headings: HeadingInfo[], problem: Problem): void {
  const lines = body.split('\n');
  let fence = false;
  const blocks: { depth: number; text: string; hasContent: boolean }[] = [];
  for (const line of lines) {
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    const h = !fence && /^(#{1,6})\s+(.*)$/.exec(line);
    if (h) blocks.push({ depth: (h[1] ?? '').length, text: (h[2] ?? '').trim(), hasContent: false });
    else if (line.trim() !== '' && blocks.length) blocks[blocks.length - 1]!.hasContent = true;
  }
  blocks.forEach((b, i) => {
    const next = blocks[i + 1];
    const hasChildren = next !== undefined && next.depth > b.depth;
    if (!b.hasContent && !hasChildren && b.depth > 1) {
      const info = headings.find((h) => h.text === b.text.replace(/\[\[([^\]|]+)(?:\|([^\]]+))?\]\]/g, (_m, a: string, c?: string) => c ?? a));
      problem(info?.line ?? 1, `section "${b.text}" is empty`);
    }
  });
}

function checkCaseSections(headings: HeadingInfo[], problem: Problem): void {
  // Every case keeps the same nine section ids, so "one step across every case" can link to them.
  const expectedIds = new Set(CASE_SECTIONS.map((s) => slug(s)));
  for (const h of headings) {
    if (h.depth > 2 && expectedIds.has(slug(h.text))) {
      problem(h.line, `the subsection "${h.text}" takes the id of a case-study section; give it another name`);
    }
  }
  const sections = headings.filter((h) => h.depth === 2);
  const names = sections.map((h) => h.text.trim());
  const expected: readonly string[] = CASE_SECTIONS;
  if (names.length !== expected.length || names.some((n, i) => n !== expected[i])) {
    const firstWrong = names.findIndex((n, i) => n !== expected[i]);
    const at = sections[firstWrong >= 0 ? firstWrong : sections.length - 1];
    const wanted = expected[firstWrong >= 0 ? firstWrong : names.length] ?? '(nothing more)';
    problem(
      at?.line ?? 1,
      `a case study has exactly these ## sections in order: ${expected.join(' | ')}; ` +
        `found "${firstWrong >= 0 ? names[firstWrong] : '(end)'}" where "${wanted}" belongs`,
    );
  }
}
