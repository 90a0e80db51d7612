import { execFileSync } from 'node:child_process';

/**
 * The guide's release date (YYYY-MM-DD) for the manifest: the date of the newest commit that
 * touched content/, so two builds of the same guide show the same date; the build date when the
 * tree is not a git checkout (a tarball) or git is missing. MLSD_RELEASED overrides both.
 */
export function releaseDate(contentDir: string, now = new Date()): string {
  const forced = process.env.MLSD_RELEASED;
  if (forced && /^\d{4}-\d{2}-\d{2}$/.test(forced)) return forced;
  try {
    const out = execFileSync('git', ['log', '-1', '--format=%cs', '--', '.'], { cwd: contentDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (/^\d{4}-\d{2}-\d{2}$/.test(out)) return out;
  } catch {
    // Not a git checkout: fall back to the build date.
  }
  return now.toISOString().slice(0, 10);
}
