import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { chapterUrl, MANIFEST_URL } from '../../shared/content-types.ts';
import { compileContent, readContentDir, type CompileResult } from './compile.ts';
import { formatProblems } from './errors.ts';
import { releaseDate } from './release-date.ts';

export interface ContentPluginOptions {
  contentDir: string;
  /** Top-level files copied to the output as they are (the web manifest, icons). */
  manifestFile: string;
  iconsDir: string;
}

/** Compiles content/ at build time and emits the content manifest and one JSON per chapter. */
export function contentPlugin(opts: ContentPluginOptions): Plugin {
  let result: CompileResult | null = null;
  const compile = (): CompileResult => {
    const r = compileContent(readContentDir(opts.contentDir));
    if (r.problems.length) {
      throw new Error(`content/ has ${r.problems.length} problem(s):\n${formatProblems(r.problems)}`);
    }
    return r;
  };
  return {
    name: 'mlsd-content',
    buildStart() {
      result = compile();
      for (const c of result.chapters) this.addWatchFile(join(opts.contentDir, '..', c.file));
    },
    generateBundle() {
      if (!result) return;
      const strip = (url: string) => url.replace(/^\//, '');
      this.emitFile({ type: 'asset', fileName: strip(MANIFEST_URL), source: JSON.stringify({ ...result.manifest, released: releaseDate(opts.contentDir) }) });
      for (const c of result.chapters) {
        this.emitFile({ type: 'asset', fileName: strip(chapterUrl(c.meta.id, c.meta.hash)), source: JSON.stringify(c.payload) });
      }
      this.emitFile({ type: 'asset', fileName: 'manifest.webmanifest', source: readFileSync(opts.manifestFile) });
      // A host that answers every unknown path with the app (the SPA fallback of `vite preview`) would otherwise
      // answer /robots.txt with index.html, which crawlers read as a broken robots file.
      this.emitFile({ type: 'asset', fileName: 'robots.txt', source: 'User-agent: *\nAllow: /\n' });
      for (const name of readdirSync(opts.iconsDir)) {
        if (/\.(png|svg|ico)$/.test(name)) {
          this.emitFile({ type: 'asset', fileName: `icons/${name}`, source: readFileSync(join(opts.iconsDir, name)) });
        }
      }
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = (req.url ?? '').split('?')[0] ?? '';
        if (!url.startsWith('/content/') && url !== '/manifest.webmanifest' && !url.startsWith('/icons/')) return next();
        try {
          if (url === '/manifest.webmanifest') {
            res.setHeader('content-type', 'application/manifest+json');
            return res.end(readFileSync(opts.manifestFile));
          }
          if (url.startsWith('/icons/')) return res.end(readFileSync(join(opts.iconsDir, url.slice(7))));
          const r = compile();
          if (url === MANIFEST_URL) return res.end(JSON.stringify(r.manifest));
          const hit = r.chapters.find((c) => chapterUrl(c.meta.id, c.meta.hash) === url);
          if (!hit) return next();
          res.setHeader('content-type', 'application/json');
          return res.end(JSON.stringify(hit.payload));
        } catch (err) {
          res.statusCode = 500;
          return res.end(String(err));
        }
      });
    },
  };
}
