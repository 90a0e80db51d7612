import type { SourceFile } from '../../src/content/build/compile.ts';
import { CASE_SECTIONS } from '../../src/content/build/rules.ts';

/** Builds small in-memory guides for the content-build tests. */
export const file = (rel: string, source: string): SourceFile => ({ rel, file: `content/${rel}`, source });

export const front = (fields: Record<string, string | number>): string =>
  `---\n${Object.entries(fields)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n')}\n---\n`;

export const cards = (n: number, prefix = 'q'): string =>
  '```cards\n' + Array.from({ length: n }, (_, i) => `Q: ${prefix} question ${i + 1}?\nA: Answer ${i + 1}.`).join('\n') + '\n```\n';

export const glossary = (terms: string[] = ['Embedding', 'A/B test']): SourceFile =>
  file(
    'glossary.md',
    front({ id: 'glossary', title: 'Glossary', summary: 'Terms.', part: 'glossary' }) +
      '# Glossary\n\n## Terms\n\n' +
      terms.map((t) => `### ${t}\n\nA definition of ${t}.\n`).join('\n'),
  );

export const chapter = (rel: string, id: string, body: string, extra: Record<string, string | number> = {}): SourceFile => {
  const part = rel.split('/')[0] ?? 'start';
  const family: Record<string, string> = part === 'cases' ? { family: 'search' } : {};
  return file(rel, front({ id, title: `Title ${id}`, summary: 'One sentence.', part, ...family, ...extra }) + `# Title ${id}\n\nIntro.\n\n${body}`);
};

export const caseStudy = (rel: string, id: string, sections: readonly string[] = CASE_SECTIONS, nCards = 8): SourceFile =>
  chapter(
    rel,
    id,
    sections.map((s) => `## ${s}\n\nText for ${s}.\n`).join('\n') + '\n' + cards(nCards, id),
  );

/** A minimal valid guide: one start chapter, one framework chapter, one case, the glossary. */
export const validGuide = (): SourceFile[] => [
  chapter('start/01-welcome.md', 'welcome', '## Why\n\nRead [[Embedding|embeddings]] and [step one](../framework/01-step.md#what-to-ask).\n'),
  chapter('framework/01-step.md', 'step-one', `## What to ask\n\nAsk.\n\n## Cards\n\n${cards(8, 'f')}`, { step: 1 }),
  caseStudy('cases/01-case.md', 'a-case'),
  glossary(),
];
