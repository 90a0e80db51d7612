import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** What index.html makes the browser fetch at start: its scripts, module preloads and stylesheets. */
export function startFiles(html: string): { js: string[]; css: string[] } {
  const js: string[] = [];
  const css: string[] = [];
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/g)) {
    const url = /\b(?:src|href)="\/?([^"]+)"/.exec(tag)?.[1];
    if (!url || /^[a-z]+:/i.test(url)) continue;
    if (tag.startsWith('<script')) js.push(url);
    else if (/rel="modulepreload"/.test(tag)) js.push(url);
    else if (/rel="stylesheet"/.test(tag)) css.push(url);
  }
  return { js, css };
}

const gz = (source: string | Uint8Array) => gzipSync(source, { level: 9 }).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/**
 * The guard against drift (issue 15): sums the gzip size of every JS file index.html loads at start
 * (entry, every chunk it imports statically, every modulepreload, classic scripts), prints it with the CSS,
 * and fails the build above `maxJsGzip`. MLSD_BUDGET_DETAIL=1 lists the biggest modules in those chunks.
 */
export function firstLoadBudget(maxJsGzip: number): Plugin {
  return {
    name: 'mlsd-first-load-budget',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const page = bundle['index.html'];
        if (!page || page.type !== 'asset') return; // the service-worker build has no page
        const { js, css } = startFiles(String(page.source));
        // Static imports of the entry are fetched too, preloaded or not.
        const seen = new Set<string>();
        const visit = (file: string) => {
          if (seen.has(file)) return;
          seen.add(file);
          const out = bundle[file];
          if (out?.type === 'chunk') out.imports.forEach(visit);
        };
        js.forEach(visit);
        const size = (file: string) => {
          const out = bundle[file];
          if (!out) this.error(`first-load budget: index.html loads ${file}, which the build did not emit`);
          return out.type === 'chunk' ? { raw: Buffer.byteLength(out.code), gzip: gz(out.code) } : { raw: out.source.length, gzip: gz(out.source) };
        };
        const sum = (files: string[]) => files.map(size).reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }), { raw: 0, gzip: 0 });
        const jsFiles = [...seen];
        const jsSize = sum(jsFiles);
        const cssSize = sum(css);
        const line = `first-load JS: ${kb(jsSize.gzip)} gzip (${kb(jsSize.raw)} raw, ${jsFiles.length} files), budget ${kb(maxJsGzip)}; first-load CSS: ${kb(cssSize.gzip)} gzip (${kb(cssSize.raw)} raw)`;
        if (process.env.MLSD_BUDGET_DETAIL) {
          for (const file of jsFiles) {
            const out = bundle[file];
            console.log(`  ${file}: ${kb(size(file).gzip)} gzip`);
            if (out?.type !== 'chunk') continue;
            const mods = Object.entries(out.modules).sort((a, b) => b[1].renderedLength - a[1].renderedLength);
            for (const [id, m] of mods.slice(0, 30)) if (m.renderedLength > 0) console.log(`    ${String(m.renderedLength).padStart(6)}  ${id.replace(process.cwd() + '/', '')}`);
          }
        }
        if (jsSize.gzip > maxJsGzip) this.error(`${line}: over budget by ${kb(jsSize.gzip - maxJsGzip)} — move what the first screen does not need behind import()`);
        console.log(`\n${line}\n`);
      },
    },
  };
}
