import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { firstLoadBudget } from './src/content/build/first-load-budget.ts';
import { contentPlugin } from './src/content/build/vite-plugin.ts';
import { classicScriptsPlugin } from './src/content/build/classic-scripts-plugin.ts';

const root = import.meta.dirname;

/** Preloads the fonts the first screen of text needs (Literata regular and bold, Latin). */
const preloadReadingFont = (): Plugin => ({
  name: 'mlsd-preload-font',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler(_html, ctx) {
      const fonts = Object.keys(ctx.bundle ?? {}).filter((f) => /literata-latin-(400|700)-normal-.*\.woff2$/.test(f));
      return fonts.map((font) => ({ tag: 'link', attrs: { rel: 'preload', href: `/${font}`, as: 'font', type: 'font/woff2', crossorigin: '' }, injectTo: 'head' as const }));
    },
  },
});

export default defineConfig({
  publicDir: false,
  build: {
    // MLSD_DIST lets several builds (parallel work, bench variants) live side by side.
    outDir: process.env.MLSD_DIST ?? 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    modulePreload: {
      polyfill: false,
      // Only the screens a start can open on (the reader, the notebook, search) fetch their imports beside themselves. For
      // every other lazy chunk, Vite's helper (a <link> appended per import, 30–50 ms of main thread at 4× CPU per
      // batch) cost more than the one extra step of fetching a chunk's imports once it arrives, from the cache.
      resolveDependencies: (file, deps) => (/\/(ChapterView|NotebookView|SearchView)-/.test(file) ? deps : []),
    },
    rolldownOptions: {
      // Everything the entry imports statically is one file with it (one request, one gzip stream), so the
      // lazy chunks' shared helpers do not split the first load into many small files.
      output: { codeSplitting: { groups: [{ name: 'index', tags: ['$initial'] }] } },
    },
  },
  plugins: [
    preact(),
    // Issue 15: the build fails when the JS index.html loads at start passes 20 KB gzip.
    firstLoadBudget(20 * 1024),
    preloadReadingFont(),
    classicScriptsPlugin([resolve(root, 'src/settings/theme-boot.js'), resolve(root, 'src/content/guide-early.js')]),
    contentPlugin({
      contentDir: process.env.MLSD_CONTENT_DIR ?? resolve(root, 'content'),
      manifestFile: resolve(root, 'manifest.webmanifest'),
      iconsDir: resolve(root, 'icons'),
    }),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'sw',
      filename: 'sw.ts',
      injectRegister: false,
      manifest: false,
      registerType: 'prompt',
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,woff2,svg,png,ico,webmanifest}'],
        globIgnores: ['content/**'],
        rollupFormat: 'es',
      },
      devOptions: { enabled: false },
    }),
  ],
});
