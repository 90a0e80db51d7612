import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

/** Ships the theme-before-paint script (src/settings/theme-boot.js) as /theme-boot.js, untouched. */
export function themeBootPlugin(file: string): Plugin {
  return {
    name: 'mlsd-theme-boot',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'theme-boot.js', source: readFileSync(file, 'utf8') });
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if ((req.url ?? '').split('?')[0] !== '/theme-boot.js') return next();
        res.setHeader('content-type', 'text/javascript');
        res.end(readFileSync(file, 'utf8'));
      });
    },
  };
}
