import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** End-to-end tests run against the production build; `npm test` builds it first. */
export default function setup(): void {
  const dist = resolve(process.env.MLSD_DIST ?? resolve(import.meta.dirname, '../../dist'));
  if (!existsSync(resolve(dist, 'index.html')) || !existsSync(resolve(dist, 'sw.js'))) {
    throw new Error('No production build in dist/: run `npm run build` (npm test does it for you).');
  }
  if (!existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) {
    throw new Error('Chromium is missing: `apt-get install -y chromium` (.ci/run does it when needed).');
  }
}
