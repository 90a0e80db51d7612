import { parseDocument, isMap, LineCounter } from 'yaml';
import { FAMILIES, PARTS, type Family, type Part } from '../../shared/content-types.ts';
import type { ContentProblem } from './errors.ts';

export interface FrontMatter {
  id: string;
  title: string;
  summary: string;
  part: Part;
  minutes?: number;
  step?: number;
  family?: Family;
  tags: string[];
}

export interface SplitSource {
  front: FrontMatter | null;
  /** Markdown after the closing `---`. */
  body: string;
  /** Lines before the body starts, to turn body offsets into file lines. */
  bodyLineOffset: number;
}

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const KNOWN = new Set(['id', 'title', 'summary', 'part', 'minutes', 'step', 'family', 'tags']);

/** Splits and checks the YAML front matter (CONTENT.md: checked). */
export function splitFrontMatter(file: string, source: string, problems: ContentProblem[]): SplitSource {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
  if (!match) {
    problems.push({ file, line: 1, message: 'missing front matter: the file must start with a --- YAML block' });
    return { front: null, body: source, bodyLineOffset: 0 };
  }
  const yamlText = match[1] ?? '';
  const bodyLineOffset = match[0].split('\n').length - 1;
  const body = source.slice(match[0].length);
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter });
  const at = (offset: number | undefined) => 1 + (offset === undefined ? 0 : counter.linePos(offset).line);
  for (const err of doc.errors) {
    problems.push({ file, line: at(err.pos[0]), message: `front matter is not valid YAML: ${err.message.split('\n')[0]}` });
  }
  if (doc.errors.length > 0 || !isMap(doc.contents)) {
    if (doc.errors.length === 0) problems.push({ file, line: 2, message: 'front matter must be a YAML mapping' });
    return { front: null, body, bodyLineOffset };
  }
  const data = doc.toJS() as Record<string, unknown>;
  const lineOfKey = (key: string): number => {
    const pair = (doc.contents as { items: { key: { value?: unknown; range?: [number, number, number] } }[] }).items.find(
      (item) => item.key?.value === key,
    );
    return at(pair?.key.range?.[0]);
  };
  const before = problems.length;
  const fail = (key: string, message: string) => problems.push({ file, line: lineOfKey(key), message });

  for (const key of Object.keys(data)) if (!KNOWN.has(key)) fail(key, `unknown front matter field "${key}"`);
  for (const key of ['id', 'title', 'summary', 'part'] as const) {
    if (typeof data[key] !== 'string' || (data[key] as string).trim() === '') {
      problems.push({ file, line: key in data ? lineOfKey(key) : 2, message: `front matter needs a non-empty "${key}"` });
    }
  }
  if (typeof data.id === 'string' && !KEBAB.test(data.id)) fail('id', `id "${data.id}" must be kebab-case (a-z, 0-9, -)`);
  if (typeof data.part === 'string' && !PARTS.includes(data.part as Part)) {
    fail('part', `part "${data.part}" must be one of ${PARTS.join(', ')}`);
  }
  if (typeof data.summary === 'string' && /[.!?]\s+[A-Z]/.test(data.summary.replace(/\b(e\.g|i\.e|etc|vs)\./g, ''))) {
    fail('summary', 'summary must be one sentence');
  }
  if ('minutes' in data && !(Number.isInteger(data.minutes) && (data.minutes as number) > 0)) {
    fail('minutes', 'minutes must be a positive whole number');
  }
  if ('step' in data) {
    if (!(Number.isInteger(data.step) && (data.step as number) >= 1 && (data.step as number) <= 7)) {
      fail('step', 'step must be a whole number from 1 to 7');
    } else if (data.part !== 'framework') fail('step', 'only framework chapters have a step');
  }
  if ('family' in data) {
    if (!FAMILIES.includes(data.family as Family)) fail('family', `family "${String(data.family)}" must be one of ${FAMILIES.join(', ')}`);
    else if (data.part !== 'cases' && data.part !== 'prompts') fail('family', 'only case studies and prompts have a family');
  } else if (data.part === 'cases' || data.part === 'prompts') {
    const what = data.part === 'cases' ? 'a case study' : 'a prompt';
    problems.push({ file, line: 2, message: `${what} needs a "family" (one of ${FAMILIES.join(', ')})` });
  }
  if ('tags' in data && !(Array.isArray(data.tags) && data.tags.every((t) => typeof t === 'string'))) {
    fail('tags', 'tags must be a list of strings');
  }
  if (problems.length > before) return { front: null, body, bodyLineOffset };
  return {
    front: {
      id: data.id as string,
      title: (data.title as string).trim(),
      summary: (data.summary as string).trim(),
      part: data.part as Part,
      minutes: data.minutes as number | undefined,
      step: data.step as number | undefined,
      family: data.family as Family | undefined,
      tags: (data.tags as string[] | undefined) ?? [],
    },
    body,
    bodyLineOffset,
  };
}
