import { describe, expect, it } from 'vitest';
import { compileContent } from '../../src/content/build/compile.ts';
import { CASE_SECTIONS } from '../../src/content/build/rules.ts';
import { caseStudy, cards, chapter, file, front, glossary, validGuide } from '../support/content-fixtures.ts';

const problemsOf = (files: ReturnType<typeof validGuide>) => compileContent(files).problems;
/** Replaces one file of the valid guide and returns the problems as "file:line: message". */
const withFile = (f: ReturnType<typeof file>) => {
  const files = validGuide().filter((x) => x.rel !== f.rel);
  return problemsOf([...files, f]).map((p) => `${p.file}:${p.line}: ${p.message}`);
};

describe('content build: every checked rule', () => {
  it('accepts a valid guide', () => {
    expect(problemsOf(validGuide())).toEqual([]);
  });

  it('requires front matter', () => {
    expect(withFile(file('start/01-welcome.md', '# Welcome\n\nText.\n'))).toEqual([
      'content/start/01-welcome.md:1: missing front matter: the file must start with a --- YAML block',
    ]);
  });

  it('rejects invalid YAML with its line', () => {
    const out = withFile(file('start/01-welcome.md', '---\nid: welcome\ntitle: [unclosed\n---\n# T\n'));
    expect(out[0]).toMatch(/^content\/start\/01-welcome\.md:\d: front matter is not valid YAML/);
  });

  it('requires id, title, summary and part', () => {
    const out = withFile(file('start/01-welcome.md', front({ id: 'welcome', part: 'start' }) + '# T\n\nx\n'));
    expect(out).toContain('content/start/01-welcome.md:2: front matter needs a non-empty "title"');
    expect(out).toContain('content/start/01-welcome.md:2: front matter needs a non-empty "summary"');
  });

  it('requires a kebab-case id, a known part and known fields', () => {
    const out = withFile(
      file('start/01-welcome.md', front({ id: 'Bad_Id', title: 'T', summary: 'S.', part: 'start', colour: 'red' }) + '# T\n\nx\n'),
    );
    expect(out).toContain('content/start/01-welcome.md:2: id "Bad_Id" must be kebab-case (a-z, 0-9, -)');
    expect(out).toContain('content/start/01-welcome.md:6: unknown front matter field "colour"');
    const part = withFile(file('start/01-welcome.md', front({ id: 'w', title: 'T', summary: 'S.', part: 'appendix' }) + '# T\n\nx\n'));
    expect(part).toContain('content/start/01-welcome.md:5: part "appendix" must be one of start, framework, concepts, cases, glossary, prompts');
  });

  it('requires the summary to be one sentence and minutes to be whole', () => {
    const out = withFile(
      file('start/01-welcome.md', front({ id: 'welcome', title: 'T', summary: 'One. Two.', part: 'start', minutes: 2.5 }) + '# T\n\nx\n'),
    );
    expect(out).toContain('content/start/01-welcome.md:4: summary must be one sentence');
    expect(out).toContain('content/start/01-welcome.md:6: minutes must be a positive whole number');
  });

  it('requires a known family on every case study, and only there', () => {
    expect(withFile(chapter('cases/02-b.md', 'b', '## A\n\nx\n', { family: 'cooking' }))).toContain(
      'content/cases/02-b.md:6: family "cooking" must be one of recommendations, search, ads, trust, forecasting, genai',
    );
    expect(withFile(chapter('start/02-b.md', 'b', '## A\n\nx\n', { family: 'search' }))).toContain('content/start/02-b.md:6: only case studies and prompts have a family');
    const noFamily = file('cases/02-b.md', front({ id: 'b', title: 'T', summary: 'One.', part: 'cases' }) + '# T\n\nx\n');
    expect(withFile(noFamily)).toContain('content/cases/02-b.md:2: a case study needs a "family" (one of recommendations, search, ads, trust, forecasting, genai)');
  });

  it('allows step only in framework chapters, from 1 to 7', () => {
    expect(withFile(chapter('start/01-welcome.md', 'welcome', '## A\n\nx\n', { step: 2 }))).toContain(
      'content/start/01-welcome.md:6: only framework chapters have a step',
    );
    expect(withFile(chapter('framework/01-step.md', 'step-one', `## A\n\nx\n${cards(8)}`, { step: 9 }))).toContain(
      'content/framework/01-step.md:6: step must be a whole number from 1 to 7',
    );
  });

  it('requires the folder to match the part, unique ids and NN-slug file names', () => {
    const wrongPart = withFile(chapter('start/01-welcome.md', 'welcome', '## A\n\nx\n', { part: 'concepts' }));
    expect(wrongPart).toContain('content/start/01-welcome.md:2: part "concepts" does not match the folder "start"');
    const dup = problemsOf([...validGuide(), chapter('start/02-again.md', 'welcome', '## A\n\nx\n')]).map((p) => p.message);
    expect(dup).toContain('id "welcome" is already used by content/start/01-welcome.md');
    const name = problemsOf([...validGuide(), chapter('start/Intro.md', 'intro', '## A\n\nx\n')]).map((p) => p.message);
    expect(name).toContain('content files live at content/<part>/NN-slug.md (or content/glossary.md)');
  });

  it('requires one # title equal to the front matter title, and ## / ### only', () => {
    const src = front({ id: 'welcome', title: 'Welcome', summary: 'S.', part: 'start' });
    expect(withFile(file('start/01-welcome.md', `${src}## Not a title\n\nx\n`))).toContain(
      'content/start/01-welcome.md:7: a chapter starts with one "# Title" heading',
    );
    expect(withFile(file('start/01-welcome.md', `${src}# Other\n\nx\n`))).toContain(
      'content/start/01-welcome.md:7: the # title "Other" differs from the front matter title "Welcome"',
    );
    const deep = withFile(file('start/01-welcome.md', `${src}# Welcome\n\n## A\n\n### B\n\n#### C\n\nx\n`));
    expect(deep).toContain('content/start/01-welcome.md:13: "####" headings are too deep; use ## and ### only');
    const jump = withFile(file('start/01-welcome.md', `${src}# Welcome\n\n### B\n\nx\n`));
    expect(jump).toContain('content/start/01-welcome.md:9: heading level jumps from 1 to 3');
    const two = withFile(file('start/01-welcome.md', `${src}# Welcome\n\nx\n\n# Welcome again\n\ny\n`));
    expect(two).toContain('content/start/01-welcome.md:11: only one "#" heading per chapter');
  });

  it('gives repeated headings -2, -3 ids so every id stays unique', () => {
    const { chapters } = compileContent([...validGuide().slice(1), chapter('start/01-welcome.md', 'welcome', '## Pitfalls\n\na\n\n## Pitfalls\n\nb\n\n## Pitfalls\n\nc\n')]);
    const outline = chapters.find((c) => c.meta.id === 'welcome')!.meta.outline.map((o) => o.id);
    expect(outline).toEqual(['pitfalls', 'pitfalls-2', 'pitfalls-3']);
  });

  it('refuses an empty section', () => {
    expect(withFile(chapter('start/01-welcome.md', 'welcome', '## Empty\n\n## Full\n\nx\n'))).toContain(
      'content/start/01-welcome.md:11: section "Empty" is empty',
    );
  });

  it('requires the nine case-study sections in order', () => {
    const swapped = [...CASE_SECTIONS];
    [swapped[3], swapped[4]] = [swapped[4]!, swapped[3]!];
    const out = withFile(caseStudy('cases/01-case.md', 'a-case', swapped));
    expect(out.join('\n')).toMatch(/cases\/01-case\.md:\d+: a case study has exactly these ## sections in order: .* found "5\. Evaluate" where "4\. Develop the model" belongs/);
    const missing = withFile(caseStudy('cases/01-case.md', 'a-case', CASE_SECTIONS.slice(0, 8)));
    expect(missing.join('\n')).toMatch(/found "\(end\)" where "Sources" belongs/);
  });

  it('keeps the nine case-section ids free: a subsection may not be called "Sources"', () => {
    const sections: string[] = [...CASE_SECTIONS];
    sections[2] = '3. Prepare the data\n\n### Sources\n\nLogs';
    const out = withFile(caseStudy('cases/01-case.md', 'a-case', sections));
    expect(out.join('\n')).toMatch(/cases\/01-case\.md:\d+: the subsection "Sources" takes the id of a case-study section/);
  });

  it('requires at least 8 recall cards in framework, concept and case chapters', () => {
    expect(withFile(caseStudy('cases/01-case.md', 'a-case', CASE_SECTIONS, 7))).toContain(
      'content/cases/01-case.md:1: 7 recall cards; a cases chapter needs at least 8',
    );
  });

  it('refuses a card without an answer and a second answer', () => {
    const out = withFile(chapter('start/01-welcome.md', 'welcome', '## A\n\n```cards\nQ: First?\nQ: Second?\nA: Yes.\nA: Again.\n```\n'));
    expect(out).toContain('content/start/01-welcome.md:14: card "First?" has no A: answer');
    expect(out).toContain('content/start/01-welcome.md:17: a second A: for one Q:');
  });

  it('refuses a diagram without a title or edges', () => {
    const out = withFile(chapter('start/01-welcome.md', 'welcome', '## A\n\n```diagram\na -> \nb\n```\n'));
    expect(out).toContain('content/start/01-welcome.md:14: an edge needs a node on both sides of "->": "a ->"');
    expect(out).toContain('content/start/01-welcome.md:14: a diagram needs a "title:" line');
  });

  it('requires every link and anchor to resolve, and no external links', () => {
    const out = withFile(
      chapter(
        'start/01-welcome.md',
        'welcome',
        '## A\n\n[gone](../framework/09-none.md) and [bad anchor](../framework/01-step.md#nowhere) and [web](https://example.com) and [self](#a).\n',
      ),
    );
    expect(out).toContain('content/start/01-welcome.md:13: link "../framework/09-none.md" points at no chapter');
    expect(out).toContain('content/start/01-welcome.md:13: link "../framework/01-step.md#nowhere": no heading or block with id "nowhere"');
    expect(out).toContain('content/start/01-welcome.md:13: external link "https://example.com": the app is offline, so cite sources as text');
    expect(out.filter((l) => l.includes('#a'))).toEqual([]);
  });

  it('requires [[term]] to exist in the glossary', () => {
    expect(withFile(chapter('start/01-welcome.md', 'welcome', '## A\n\nSee [[Quokka]].\n'))).toContain(
      'content/start/01-welcome.md:13: glossary term "Quokka" is not in content/glossary.md',
    );
    expect(problemsOf(validGuide().filter((f) => f.rel !== 'glossary.md')).map((p) => p.message)).toContain('the glossary is missing');
  });

  it('refuses placeholders anywhere in the text', () => {
    const out = withFile(chapter('start/01-welcome.md', 'welcome', '## A\n\nThis part is TBD, lorem ipsum, coming soon.\n'));
    expect(out.filter((l) => l.includes('placeholder'))).toHaveLength(3);
  });

  it('refuses raw HTML, images and tables wider than four columns', () => {
    const out = withFile(
      chapter('start/01-welcome.md', 'welcome', '## A\n\n<script>alert(1)</script>\n\n![x](y.png)\n\n| a | b | c | d | e |\n|---|---|---|---|---|\n| 1 | 2 | 3 | 4 | 5 |\n'),
    );
    expect(out).toContain('content/start/01-welcome.md:13: raw HTML is not allowed in content; use Markdown');
    expect(out).toContain('content/start/01-welcome.md:15: images are not supported; draw a ```diagram instead');
    expect(out).toContain('content/start/01-welcome.md:17: a table has 5 columns; keep at most 4 for phones');
  });

  it('catches a [[term|text]] link that splits a table cell, and accepts the escaped bar', () => {
    const table = (cell: string) => chapter('start/01-welcome.md', 'welcome', `## A\n\n| a | b |\n|---|---|\n| ${cell} | 2 |\n`);
    expect(withFile(table('[[Embedding|embeddings]]')).join('\n')).toMatch(/link inside a table splits the cell/);
    expect(withFile(table('[[Embedding\\|embeddings]]'))).toEqual([]);
  });
});
