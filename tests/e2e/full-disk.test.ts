import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DIST } from '../support/app-session.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const mountPoint = mkdtempSync(join(tmpdir(), 'mlsd-full-disk-'));
afterAll(() => rmSync(mountPoint, { recursive: true, force: true }));

interface Found {
  before: Record<string, number>;
  freeWhileFull: string;
  statusWhileFull: string[];
  beforeUnloadWarns: boolean;
  messageClearedAfterFree: boolean;
  after: Record<string, number>;
  notesAfter: string[];
  marksAfter: number;
  statusAfterReload: string;
  errors: string[];
  typedWhileFull: string;
  statusRestartedWhileFull?: string;
  countsRestartedWhileFull?: Record<string, number>;
}

/**
 * As root, in a private mount namespace: the Chromium profile on a 96 MB tmpfs, filled with dd
 * while the user writes, then freed, then a reload (tests/e2e/full-disk-scenario.ts does the steps).
 */
function runScenario(mode: 'write-while-full' | 'restart-while-full'): Found {
  const script = `mount -t tmpfs -o size=96m tmpfs "$1" && TMPDIR="$1" exec "${ROOT}/node_modules/.bin/tsx" "${ROOT}/tests/e2e/full-disk-scenario.ts" "$1" "$2"`;
  const r = spawnSync('unshare', ['-m', 'sh', '-c', script, 'sh', mountPoint, mode], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, MLSD_DIST: DIST },
    timeout: 200_000,
  });
  const line = r.stdout.split('\n').find((l) => l.startsWith('FULL-DISK-RESULT '));
  if (!line) throw new Error(`the full-disk scenario did not finish: ${r.error?.message ?? ''}\n${r.stdout}\n${r.stderr}`);
  return JSON.parse(line.slice('FULL-DISK-RESULT '.length)) as Found;
}

describe('a full disk while writing (Chromium profile on a filled tmpfs)', () => {
  it('keeps every earlier highlight and note, names the full disk, and loses nothing typed while full', { timeout: 240_000 }, () => {
    const found = runScenario('write-while-full');
    expect(found.before.annotations).toBe(3);
    expect(Number(found.freeWhileFull)).toBeLessThan(64 * 1024);
    // The message says the disk is full, what is kept, and never suggests a reload or private mode.
    expect(found.statusWhileFull.some((t) => t.startsWith('This device is out of storage space'))).toBe(true);
    expect(found.statusWhileFull.some((t) => /kept on this screen/.test(t))).toBe(true);
    for (const t of found.statusWhileFull) expect(t).not.toMatch(/reload|private browsing|reconnect/i);
    for (const t of found.statusWhileFull.filter(Boolean)) expect(t).toMatch(/^This device is out of storage space/);
    expect(found.beforeUnloadWarns).toBe(true);
    // Freed: saving resumes by itself and the message goes.
    expect(found.messageClearedAfterFree).toBe(true);
    // After the reload: everything from before, and the note exactly as last typed while full.
    expect(found.after.annotations).toBe(4);
    expect(found.notesAfter).toContain('Written before the disk filled.');
    expect(found.notesAfter).toContain(found.typedWhileFull);
    expect(found.marksAfter).toBeGreaterThanOrEqual(4);
    expect(found.statusAfterReload).not.toMatch(/out of storage|reload/i);
    expect(found.errors).toEqual([]);
  });

  it('when the browser restarts while the disk is full, keeps every earlier record (restoring from the copy if the database was dropped)', { timeout: 300_000 }, () => {
    const found = runScenario('restart-while-full');
    expect(found.before.annotations).toBe(3);
    // Chromium may delete a database it finds damaged after a failed write (dataLoss "total"):
    // then the second copy puts back everything the database had accepted, and says so.
    const restored = /Your highlights and notes were restored/.test(found.statusRestartedWhileFull ?? '');
    if (restored) expect(found.statusRestartedWhileFull).toMatch(/put back: [34] highlights and notes, 1 reading position\./);
    expect(found.after.annotations).toBeGreaterThanOrEqual(3);
    expect(found.after.progress).toBe(1);
    expect(found.notesAfter).toContain('Written before the disk filled.');
    // A change storage never accepted lives only in the page: closing the browser while the disk
    // is full (after the warning) loses it. Reported, not asserted.
    const keptTyped = found.notesAfter.includes(found.typedWhileFull);
    console.log(`full disk, browser restarted while full: database ${restored ? 'dropped by Chromium and restored from the OPFS copy' : 'kept'}; the note typed while full ${keptTyped ? 'kept' : 'lost (never accepted by storage)'}`);
  });
});
