import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Plugin } from 'vite';

/** The script as shipped: whole-line `//` comments and indentation dropped (they count in the first-load budget). */
export function shippedClassicScript(source: string): string {
  return source
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('//'))
    .join('\n');
}

/**
 * Ships the classic scripts index.html loads from <head> (the theme before first paint, the guide's index fetched
 * early on a first visit) at the site's root under their own names, comments left out.
 */
export function classicScriptsPlugin(files: string[]): Plugin {
  const byUrl = new Map(files.map((f) => [`/${basename(f)}`, f]));
  const shipped = (file: string) => shippedClassicScript(readFileSync(file, 'utf8'));
  return {
    name: 'mlsd-classic-scripts',
    generateBundle() {
      for (const [url, file] of byUrl) this.emitFile({ type: 'asset', fileName: url.slice(1), source: shipped(file) });
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const file = byUrl.get((req.url ?? '').split('?')[0] ?? '');
        if (!file) return next();
        res.setHeader('content-type', 'text/javascript');
        res.end(shipped(file));
      });
    },
  };
}
