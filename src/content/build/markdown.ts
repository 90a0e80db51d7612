import { Marked, type Tokens, type TokenizerAndRendererExtension } from 'marked';
import { parseCards } from './cards.ts';
import { parseDiagram, renderDiagram } from './diagram.ts';
import { parseRubric, type RawRubricStep } from './rubric.ts';
import { lineOf } from './errors.ts';
import { HeadingIds, termKey } from './slug.ts';
import { treeToHtml } from './tree.ts';

/** A link found while rendering, checked once every chapter is known. */
export interface LinkRef {
  chapterId: string;
  anchor: string | null;
  line: number;
  raw: string;
}

/** A rubric checkpoint's link, resolved to a chapter; the heading is checked once every chapter is known. */
export interface RubricLink extends LinkRef {
  anchor: string;
}

/** The chapter's ```rubric block: its steps, where it sits, and its resolved links (in checkpoint order). */
export interface RubricDraft {
  steps: RawRubricStep[];
  links: RubricLink[];
  /** The ## section the block sits in (null before the first ##). */
  sectionId: string | null;
  line: number;
}

export interface HeadingInfo {
  depth: number;
  text: string;
  id: string;
  line: number;
}

export interface RenderContext {
  file: string;
  /** Path of the file relative to content/, e.g. `cases/05-video-recommendation.md`. */
  relPath: string;
  chapterId: string;
  /** Full source (front matter included) and where the body starts, for line numbers. */
  source: string;
  bodyStart: number;
  /** content-relative path → chapter id. */
  pathToId: ReadonlyMap<string, string>;
  glossaryTerms: ReadonlySet<string>;
  problem: (line: number, message: string) => void;
}

export interface RenderResult {
  html: string;
  headings: HeadingInfo[];
  links: LinkRef[];
  terms: string[];
  diagrams: number;
  cardBlocks: number;
  rubric: RubricDraft | null;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Resolves `../cases/x.md#a` relative to `dir` inside content/. */
export function resolveContentPath(fromRel: string, href: string): string {
  const parts = fromRel.split('/').slice(0, -1);
  for (const seg of href.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

export function renderMarkdown(body: string, ctx: RenderContext): RenderResult {
  const headings: HeadingInfo[] = [];
  const links: LinkRef[] = [];
  const terms: string[] = [];
  const lineFor = (needle: string) => lineOf(ctx.source, needle, ctx.bodyStart, 1);
  const ids = new HeadingIds();
  let diagrams = 0;
  let cardBlocks = 0;
  let tables = 0;
  let rubric: RubricDraft | null = null;
  let rubricBlocks = 0;
  let rubricFrom = ctx.bodyStart;

  const termExtension: TokenizerAndRendererExtension = {
    name: 'term',
    level: 'inline',
    start: (src: string) => {
      const i = src.indexOf('[[');
      return i < 0 ? undefined : i;
    },
    tokenizer(src: string) {
      const m = /^\[\[([^\]|\n]+)(?:\|([^\]\n]+))?\]\]/.exec(src);
      if (!m) return undefined;
      const term = (m[1] ?? '').trim();
      return { type: 'term', raw: m[0], term, text: (m[2] ?? term).trim() };
    },
    renderer(token) {
      const key = termKey(token.term as string);
      terms.push(key);
      if (!ctx.glossaryTerms.has(key)) {
        ctx.problem(lineFor(token.raw), `glossary term "${token.term as string}" is not in content/glossary.md`);
      }
      return `<a class="term" href="/read/glossary#${esc(key)}">${esc(token.text as string)}</a>`;
    },
  };

  const marked = new Marked({ gfm: true, async: false });
  marked.use({ extensions: [termExtension] });
  marked.use({
    walkTokens(token) {
      if (token.type === 'heading') {
        const t = token as Tokens.Heading;
        const text = t.text.replace(/\[\[([^\]|]+)(?:\|([^\]]+))?\]\]/g, (_m, a: string, b?: string) => b ?? a);
        headings.push({ depth: t.depth, text, id: ids.next(text), line: lineFor(t.raw.trim()) });
      }
    },
    renderer: {
      heading(this: { parser: { parseInline: (t: Tokens.Generic[]) => string } }, token: Tokens.Heading) {
        const info = headings.shift();
        if (!info) throw new Error('heading ids out of step');
        rendered.push(info);
        return `<h${token.depth} id="${esc(info.id)}">${this.parser.parseInline(token.tokens)}</h${token.depth}>\n`;
      },
      code(token: Tokens.Code) {
        let line = lineFor(token.raw.split('\n')[0] ?? token.raw);
        if (token.lang === 'cards') {
          cardBlocks++;
          const parsed = parseCards(token.text);
          parsed.errors.forEach((e) => ctx.problem(line + 1 + e.line, e.message));
          const items = parsed.cards
            .map(
              (c) =>
                `<details class="card"><summary>${marked.parseInline(c.question) as string}</summary>` +
                `<div class="card-a">${marked.parseInline(c.answer) as string}</div></details>`,
            )
            .join('');
          return `<div class="cards">${items}</div>\n`;
        }
        if (token.lang === 'rubric') {
          // Data for the practice screens, never part of the reader's body.
          rubricBlocks++;
          // Two identical blocks would share lineFor's answer: find this one after the previous one.
          const first = token.raw.split('\n')[0] ?? '';
          const found = ctx.source.indexOf(first, rubricFrom);
          rubricFrom = found < 0 ? rubricFrom : found + first.length;
          line = found < 0 ? line : lineOf(ctx.source, first, found, line);
          if (rubricBlocks > 1) {
            ctx.problem(line, 'a second rubric block: a file has exactly one');
            return '';
          }
          const parsed = parseRubric(token.text);
          parsed.errors.forEach((e) => ctx.problem(line + 1 + e.line, e.message));
          const resolved: RubricLink[] = [];
          for (const cp of parsed.steps.flatMap((s) => s.checkpoints)) {
            const at = line + 1 + cp.line;
            const [pathPart = '', anchor = ''] = cp.href.split('#') as [string, string?];
            const chapterId = ctx.pathToId.get(resolveContentPath(ctx.relPath, pathPart));
            if (!chapterId) ctx.problem(at, `link "${cp.href}" points at no chapter`);
            else resolved.push({ chapterId, anchor, line: at, raw: cp.href });
          }
          const section = [...rendered].reverse().find((h) => h.depth === 2);
          const complete = parsed.errors.length === 0 && resolved.length === parsed.steps.flatMap((s) => s.checkpoints).length;
          // An invalid block has already been reported; it still counts as present.
          rubric = { steps: complete ? parsed.steps : [], links: complete ? resolved : [], sectionId: section?.id ?? null, line };
          return '';
        }
        if (token.lang === 'diagram') {
          diagrams++;
          const parsed = parseDiagram(token.text);
          parsed.errors.forEach((e) => ctx.problem(line + 1 + e.line, e.message));
          if (!parsed.spec) return '';
          const id = `fig-${diagrams}`;
          const svg = treeToHtml(renderDiagram(parsed.spec, id));
          return `<figure class="diagram" id="${id}">${svg}<figcaption>${esc(parsed.spec.title)}</figcaption></figure>\n`;
        }
        return `<pre><code>${esc(token.text)}</code></pre>\n`;
      },
      html(token: Tokens.HTML | Tokens.Tag) {
        if (token.text.trim()) ctx.problem(lineFor(token.raw.trim()), 'raw HTML is not allowed in content; use Markdown');
        return '';
      },
      image(token: Tokens.Image) {
        ctx.problem(lineFor(token.raw), 'images are not supported; draw a ```diagram instead');
        return '';
      },
      table(this: { parser: { parseInline: (t: Tokens.Generic[]) => string } }, token: Tokens.Table) {
        const cols = token.header.length;
        if (cols > 4) ctx.problem(lineFor(token.raw.split('\n')[0] ?? ''), `a table has ${cols} columns; keep at most 4 for phones`);
        const cells = [...token.header, ...token.rows.flat()];
        const broken = cells.find((c) => /\[\[[^\]]*$/.test(c.text) || /^[^[]*\]\]/.test(c.text));
        if (broken) {
          ctx.problem(
            lineFor(broken.text.trim() || (token.raw.split('\n')[0] ?? '')),
            'a [[term|text]] link inside a table splits the cell: write [[term\\|text]] or [[term]]',
          );
        }
        // An empty corner cell is data, not a header (screen readers announce headers).
        const cell = (c: Tokens.TableCell, header: boolean) => {
          const tag = header && c.text.trim() ? 'th' : 'td';
          return `<${tag}${c.align ? ` class="align-${c.align}"` : ''}${tag === 'th' ? ' scope="col"' : ''}>${this.parser.parseInline(c.tokens)}</${tag}>`;
        };
        const head = `<tr>${token.header.map((c) => cell(c, true)).join('')}</tr>`;
        const rows = token.rows.map((row) => `<tr>${row.map((c) => cell(c, false)).join('')}</tr>`).join('');
        tables++;
        const label = `Table ${tables}: ${token.header.map((c) => c.text.replace(/[*_`\[\]|\\]/g, '').trim()).filter(Boolean).join(', ')}`;
        return `<div class="table-scroll" tabindex="0" role="region" aria-label="${esc(label)}"><table><thead>${head}</thead><tbody>${rows}</tbody></table></div>\n`;
      },
      link(this: { parser: { parseInline: (t: Tokens.Generic[]) => string } }, token: Tokens.Link) {
        const text = this.parser.parseInline(token.tokens);
        const href = token.href.trim();
        const line = lineFor(token.raw);
        if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) {
          ctx.problem(line, `external link "${href}": the app is offline, so cite sources as text`);
          return text;
        }
        const [pathPart = '', anchor = null] = href.split('#') as [string, string?];
        let chapterId: string | undefined = ctx.chapterId;
        if (pathPart) {
          if (!pathPart.endsWith('.md')) {
            ctx.problem(line, `link "${href}" must point at a .md file in content/`);
            return text;
          }
          chapterId = ctx.pathToId.get(resolveContentPath(ctx.relPath, pathPart));
          if (!chapterId) {
            ctx.problem(line, `link "${href}" points at no chapter`);
            return text;
          }
        }
        links.push({ chapterId, anchor: anchor || null, line, raw: href });
        const target = `/read/${chapterId}${anchor ? `#${anchor}` : ''}`;
        return `<a href="${esc(target)}">${text}</a>`;
      },
    },
  });
  const rendered: HeadingInfo[] = [];
  const html = marked.parse(body) as string;
  return { html, headings: rendered, links, terms, diagrams, cardBlocks, rubric };
}
