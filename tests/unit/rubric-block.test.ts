import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { compileContent, readContentDir, type SourceFile } from '../../src/content/build/compile.ts';
import { parseRubric } from '../../src/content/build/rubric.ts';
import { treeText } from '../../src/content/build/tree.ts';
import { CASE_SECTIONS } from '../../src/content/build/rules.ts';
import { cards, chapter, file, front, validGuide } from '../support/content-fixtures.ts';

// The fixture guide's framework chapter has the headings "What to ask" and "Cards".
const LINK = '../framework/01-step.md#what-to-ask';
const checkpoint = (level: string, n: number, link = LINK) => `- ${level} | Checkpoint number ${n} that an interviewer looks for | ${link}`;
const step = (s: number, n = 3) => [`step ${s}`, ...Array.from({ length: n }, (_, i) => checkpoint(['L4', 'L5', 'L6+'][i % 3]!, i + 1))].join('\n');
const rubricText = (steps = [1, 2, 3, 4, 5, 6, 7].map((s) => step(s))) => steps.join('\n');
const block = (text = rubricText()) => '```rubric\n' + text + '\n```\n';

const prompt = (body: string, extra: Record<string, string | number> = { family: 'search' }, rel = 'prompts/01-p.md'): SourceFile =>
  file(rel, front({ id: 'p', title: 'Design a thing', summary: 'One sentence.', part: 'prompts', minutes: 5, ...extra }) + `# Design a thing\n\n${body}`);
const promptBody = (rubric = block()) => `## Brief\n\nTwo sentences. An interviewer says them.\n\n## Scale\n\n- 10 million users\n\n## Rubric\n\n${rubric}`;
const caseWithRubric = (rubric = block(), where = 'Interview follow-ups'): SourceFile =>
  chapter(
    'cases/01-case.md',
    'a-case',
    CASE_SECTIONS.map((s) => `## ${s}\n\nText for ${s}.\n${s === where ? `\n${rubric}` : ''}`).join('\n') + '\n' + cards(8, 'a-case'),
  );

/** Compiles the fixture guide with `files` replacing or added to it; problems as "file:line: message". */
const problems = (...files: SourceFile[]) => {
  const rels = new Set(files.map((f) => f.rel));
  return compileContent([...validGuide().filter((f) => !rels.has(f.rel)), ...files]).problems.map((p) => `${p.file}:${p.line}: ${p.message}`);
};
/** Line in the prompt file of the n-th line (0-based) inside its rubric block. */
const promptLine = (source: string, n: number) => source.split('\n').indexOf('```rubric') + 2 + n;

describe('rubric block: parsing', () => {
  it('parses seven steps of checkpoints with level, text and link', () => {
    const r = parseRubric(rubricText());
    expect(r.errors).toEqual([]);
    expect(r.steps.map((s) => s.step)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(r.steps[0]!.checkpoints[2]).toEqual({ level: 'L6+', text: 'Checkpoint number 3 that an interviewer looks for', href: LINK, line: 3 });
  });

  it('each step appears once, in order, from 1 to 7', () => {
    const steps = [1, 2, 3, 4, 5, 6, 7].map((s) => step(s));
    expect(parseRubric(rubricText(steps.slice(0, 6))).errors.map((e) => e.message)).toEqual([
      'step 7 is missing; a rubric has steps 1 to 7, each once, in order',
    ]);
    const swapped = [steps[0]!, steps[2]!, steps[1]!, ...steps.slice(3)];
    expect(parseRubric(rubricText(swapped)).errors.map((e) => e.message)).toContain('step 3 is out of order; step 2 comes next');
    const twice = [...steps, step(7)];
    expect(parseRubric(rubricText(twice)).errors).toEqual([{ line: 28, message: 'step 7 appears twice; each step appears once' }]);
    expect(parseRubric(rubricText([...steps, step(8)])).errors.map((e) => e.message)).toContain('"step 8": a step is a whole number from 1 to 7');
  });

  it('each step has 3 to 6 checkpoints', () => {
    const few = [step(1, 2), ...[2, 3, 4, 5, 6, 7].map((s) => step(s))];
    expect(parseRubric(rubricText(few)).errors).toEqual([{ line: 0, message: 'step 1 has 2 checkpoints; each step has 3 to 6' }]);
    const many = [...[1, 2, 3, 4, 5, 6].map((s) => step(s)), step(7, 7)];
    expect(parseRubric(rubricText(many)).errors.map((e) => e.message)).toEqual(['step 7 has 7 checkpoints; each step has 3 to 6']);
    expect(parseRubric(rubricText([...[1, 2, 3, 4, 5, 6].map((s) => step(s)), step(7, 6)])).errors).toEqual([]);
  });

  it('a checkpoint is "- LEVEL | TEXT | LINK" with a known level', () => {
    const bad = (line: string) => parseRubric(rubricText().replace(checkpoint('L5', 2), line)).errors.map((e) => e.message);
    expect(bad('- L7 | Checkpoint with a level that is unknown | ' + LINK)).toEqual(['level "L7" must be one of L4, L5, L6+']);
    expect(bad('- l5 | Checkpoint with a lower-case level here | ' + LINK)).toEqual(['level "l5" must be one of L4, L5, L6+']);
    expect(bad('- L5 | Text with a | pipe inside it is ambiguous | ' + LINK)[0]).toMatch(/three fields, no "\|" inside the text\); found 4 fields/);
    expect(bad('- L5 | Only two fields here, no link')[0]).toMatch(/found 2 fields/);
  });

  it('checkpoint text is 10 to 220 characters', () => {
    const bad = (text: string) => parseRubric(rubricText().replace('Checkpoint number 2 that an interviewer looks for', text)).errors.map((e) => e.message);
    expect(bad('Too short')).toEqual(['checkpoint text has 9 characters; write 10 to 220']);
    expect(bad('x'.repeat(221))).toEqual(['checkpoint text has 221 characters; write 10 to 220']);
    expect(bad('x'.repeat(220))).toEqual([]);
  });

  it('a link is relative, to a .md chapter with a section anchor', () => {
    const bad = (link: string) => parseRubric(rubricText().replace(checkpoint('L5', 2), checkpoint('L5', 2, link))).errors.length;
    expect(bad('https://example.com/a.md#x')).toBe(1);
    expect(bad('/framework/01-step.md#what-to-ask')).toBe(1);
    expect(bad('../framework/01-step.md')).toBe(1);
    expect(bad('#what-to-ask')).toBe(1);
    expect(bad(LINK)).toBe(0);
  });

  it('no checkpoint before "step 1", and no stray lines', () => {
    expect(parseRubric(`${checkpoint('L4', 1)}\n${rubricText()}`).errors).toEqual([{ line: 0, message: 'a checkpoint before the first "step 1" line' }]);
    expect(parseRubric(`${rubricText()}\nA stray sentence`).errors.map((e) => e.message)).toEqual([
      'unexpected line "A stray sentence": write "step N" or "- LEVEL | TEXT | LINK"',
    ]);
  });
});

describe('rubric block: in the build', () => {
  it('compiles a prompt: the rubric on the payload, with ids and resolved links, and not in the body', () => {
    const r = compileContent([...validGuide(), prompt(promptBody())]);
    expect(r.problems).toEqual([]);
    const p = r.chapters.find((c) => c.meta.id === 'p')!;
    expect(p.meta).toMatchObject({ part: 'prompts', family: 'search', checkpoints: 21 });
    expect(p.payload.rubric).toHaveLength(7);
    expect(p.payload.rubric![4]!.checkpoints[1]).toEqual({
      id: 'p:r5-2',
      level: 'L5',
      text: 'Checkpoint number 2 that an interviewer looks for',
      chapterId: 'step-one',
      sectionId: 'what-to-ask',
    });
    expect(treeText(p.payload.body)).not.toMatch(/Checkpoint number|L6\+|Rubric/);
    expect(p.meta.outline.map((o) => o.id)).toEqual(['brief', 'scale']);
    // Prompts come after the reading parts.
    expect(r.manifest.chapters.at(-1)!.id).toBe('p');
  });

  it('a case study carries its rubric at the end of "Interview follow-ups", and it changes the hash', () => {
    const r = compileContent(validGuide().map((f) => (f.rel === 'cases/01-case.md' ? caseWithRubric() : f)));
    expect(r.problems).toEqual([]);
    const c = r.chapters.find((x) => x.meta.id === 'a-case')!;
    expect(c.payload.rubric![0]!.checkpoints[0]!.id).toBe('a-case:r1-1');
    const edited = compileContent(validGuide().map((f) => (f.rel === 'cases/01-case.md' ? caseWithRubric(block(rubricText().replace('number 1', 'number one'))) : f)));
    expect(edited.chapters.find((x) => x.meta.id === 'a-case')!.meta.hash).not.toBe(c.meta.hash);
  });

  it('names the file and line of a problem inside the block', () => {
    const src = prompt(promptBody(block(rubricText().replace(checkpoint('L5', 2), '- L9 | Checkpoint with a bad level | ' + LINK))));
    expect(problems(src)).toEqual([`content/prompts/01-p.md:${promptLine(src.source, 2)}: level "L9" must be one of L4, L5, L6+`]);
  });

  it('exactly one rubric block per file', () => {
    const src = prompt(promptBody(block() + '\n' + block()));
    expect(problems(src)).toEqual([`content/prompts/01-p.md:${src.source.split('\n').lastIndexOf('```rubric') + 1}: a second rubric block: a file has exactly one`]);
  });

  it('every link reaches an existing chapter and heading, in the guide (not a prompt)', () => {
    const to = (link: string) => prompt(promptBody(block(rubricText().replace(checkpoint('L5', 2), checkpoint('L5', 2, link)))));
    const noChapter = to('../framework/09-nothing.md#what-to-ask');
    expect(problems(noChapter)).toEqual([`content/prompts/01-p.md:${promptLine(noChapter.source, 2)}: link "../framework/09-nothing.md#what-to-ask" points at no chapter`]);
    const noHeading = to('../framework/01-step.md#what-to-tell');
    expect(problems(noHeading)).toEqual([`content/prompts/01-p.md:${promptLine(noHeading.source, 2)}: link "../framework/01-step.md#what-to-tell": no heading with id "what-to-tell"`]);
    // A block id (a paragraph) is not a section.
    expect(problems(to('../framework/01-step.md#what-to-ask-p1'))[0]).toMatch(/no heading with id "what-to-ask-p1"/);
    const other = prompt(promptBody(), { family: 'search' }, 'prompts/02-q.md');
    const toPrompt = to('02-q.md#brief');
    expect(problems(toPrompt, { ...other, source: other.source.replace('id: p', 'id: q') })).toEqual([
      `content/prompts/01-p.md:${promptLine(toPrompt.source, 2)}: link "02-q.md#brief": a checkpoint links to the guide, not to another prompt`,
    ]);
  });

  it('a rubric sits only in a case study\'s follow-ups or a prompt\'s Rubric section', () => {
    expect(problems(caseWithRubric(block(), '5. Evaluate'))[0]).toMatch(/^content\/cases\/01-case\.md:\d+: the rubric block goes in the "Interview follow-ups" section$/);
    const start = chapter('start/01-welcome.md', 'welcome', `## Why\n\nRead.\n\n${block()}`);
    expect(problems(start)[0]).toMatch(/^content\/start\/01-welcome\.md:\d+: a rubric block belongs only in a case study or a prompt$/);
    const misplaced = prompt(`## Brief\n\nTwo sentences.\n\n${block()}\n## Scale\n\n- 1 user\n\n## Rubric\n\nNone.\n`);
    expect(problems(misplaced)[0]).toMatch(/the rubric block goes in the "Rubric" section/);
  });

  it('a prompt has Brief, Scale and Rubric, a family and a rubric, and needs no cards', () => {
    expect(problems(prompt('## Brief\n\nTwo.\n\n## Rubric\n\n' + block()))[0]).toMatch(
      /a prompt has exactly these ## sections in order: Brief \| Scale \| Rubric; found "Rubric" where "Scale" belongs/,
    );
    expect(problems(prompt(promptBody() + '\n## Notes\n\nMore.\n'))[0]).toMatch(/found "Notes" where "\(nothing more\)" belongs/);
    expect(problems(prompt(promptBody().replace('## Scale', '## Scale\n\n### Users'))) .join('\n')).toMatch(/a prompt has only ## sections; "Users" is too deep/);
    expect(problems(prompt(promptBody(), {}))).toContain(
      'content/prompts/01-p.md:2: a prompt needs a "family" (one of recommendations, search, ads, trust, forecasting, genai)',
    );
    expect(problems(prompt('## Brief\n\nTwo.\n\n## Scale\n\n- 1\n\n## Rubric\n\nTo come.\n'))).toEqual([
      'content/prompts/01-p.md:1: a prompt needs a ```rubric block in its "## Rubric" section',
    ]);
  });
});

describe('rubrics in the guide as shipped', () => {
  const shipped = compileContent(readContentDir(resolve(import.meta.dirname, '../../content')));
  const practice = shipped.chapters.filter((c) => c.meta.part === 'cases' || c.meta.part === 'prompts');

  it('every case study and every prompt (at least 16) has a seven-step rubric with a family', () => {
    expect(shipped.problems).toEqual([]);
    expect(practice.filter((c) => c.meta.part === 'prompts').length).toBeGreaterThanOrEqual(16);
    for (const c of practice) {
      expect.soft(c.payload.rubric?.map((s) => s.step), c.meta.id).toEqual([1, 2, 3, 4, 5, 6, 7]);
      expect.soft(c.meta.family, c.meta.id).toBeTruthy();
    }
  });

  it('each rubric mixes levels: at least two levels in every step, and every level somewhere', () => {
    for (const c of practice) {
      const steps = c.payload.rubric ?? [];
      for (const s of steps) expect.soft(new Set(s.checkpoints.map((cp) => cp.level)).size, `${c.meta.id} step ${s.step}`).toBeGreaterThanOrEqual(2);
      expect.soft(new Set(steps.flatMap((s) => s.checkpoints.map((cp) => cp.level))), c.meta.id).toEqual(new Set(['L4', 'L5', 'L6+']));
    }
  });
});
