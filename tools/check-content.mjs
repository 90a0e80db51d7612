#!/usr/bin/env node
// Checks content files against every rule the build enforces, and prints their figures.
// Usage: node tools/check-content.mjs [content/cases/05-video-recommendation.md …]
// With no files, checks the whole guide (as `npm run build` does). Chapters of the plan in
// docs/writing-guide.md that are not written yet are stood in for, so a writer can check one file.
import { register } from 'tsx/esm/api';
import { existsSync, readFileSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

register();
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { compileContent, readContentDir } = await import('../src/content/build/compile.ts');
const { formatProblems } = await import('../src/content/build/errors.ts');

const wanted = process.argv.slice(2).map((f) => f.replace(/^\.\//, ''));
const files = readContentDir(resolve(root, 'content'));
const have = new Set(files.map((f) => f.rel));
const guide = readFileSync(resolve(root, 'docs/writing-guide.md'), 'utf8');
const plan = [...guide.matchAll(/^\| ([a-z]+\/\d\d-[a-z0-9-]+\.md|glossary\.md) \| ([a-z0-9-]+) \|$/gm)];
const stubs = new Set();
const metricHeadings = [...guide.matchAll(/`#([a-z0-9-]+)`/g)].map((m) => m[1]);
for (const [, rel, id] of plan) {
  if (have.has(rel)) continue;
  stubs.add(`content/${rel}`);
  const part = rel === 'glossary.md' ? 'glossary' : rel.split('/')[0];
  let body = '';
  if (rel === 'glossary.md') {
    const terms = readFileSync(resolve(root, 'docs/glossary-terms.txt'), 'utf8').split('\n');
    const req = existsSync(resolve(root, 'content-drafts/glossary-requests.txt'))
      ? readFileSync(resolve(root, 'content-drafts/glossary-requests.txt'), 'utf8').split('\n').map((l) => l.split(/ [—-] /)[0])
      : [];
    body = [...terms, ...req].filter((t) => t && t.trim()).map((t) => `### ${t.trim()}\n\nStand-in.\n`).join('\n');
  } else if (id === 'metrics-sheet') {
    body = metricHeadings.map((h) => `### ${h.replace(/-/g, ' ')}\n\nStand-in.\n`).join('\n');
  } else if (part === 'cases') {
    body = ['1. Clarify requirements', '2. Frame it as an ML task', '3. Prepare the data', '4. Develop the model', '5. Evaluate',
      '6. Deploy and serve', '7. Monitor and iterate', 'Interview follow-ups', 'Sources'].map((s) => `## ${s}\n\nStand-in.\n`).join('\n');
  }
  files.push({ rel, file: `content/${rel}`, source: `---\nid: ${id}\ntitle: Stand-in\nsummary: Stand-in.\npart: ${part}\n---\n# Stand-in\n\n${body}` });
}
const { chapters, problems } = compileContent(files);
const shown = problems.filter((p) => !stubs.has(p.file) && (wanted.length === 0 || wanted.includes(p.file)));
for (const c of chapters) {
  if (stubs.has(c.file) || (wanted.length && !wanted.includes(c.file))) continue;
  const src = readFileSync(resolve(root, c.file), 'utf8');
  const sources = (/^## Sources\s*$([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(src)?.[1] ?? '').split('\n').filter((l) => /^\s*[-*] /.test(l)).length;
  const diagrams = (src.match(/^```diagram/gm) ?? []).length;
  const terms = new Set(c.terms).size;
  console.log(`${c.file}: ${c.meta.words} words, ${c.meta.cardCount} cards, ${diagrams} diagrams, ${sources} sources, ${terms} glossary terms, ~${c.meta.minutes} min`);
}
if (shown.length) {
  console.log(`\n${shown.length} problem(s):\n${formatProblems(shown)}`);
  process.exit(1);
}
console.log('\nNo problems.');
