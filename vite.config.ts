import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { contentPlugin } from './src/content/build/vite-plugin.ts';

const root = import.meta.dirname;

export default defineConfig({
  publicDir: false,
  build: {
    target: 'es2022',
    sourcemap: false,
    modulePreload: { polyfill: false },
  },
  plugins: [
    preact(),
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
