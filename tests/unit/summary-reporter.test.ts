import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');
const REPORTER = join(ROOT, 'tests/support/summary-reporter.ts');
const VITEST = join(ROOT, 'node_modules/vitest/vitest.mjs');

/** Runs a real Vitest over a throwaway project and returns the summary reporter's closing line. */
function closingLine(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'mlsd-reporter-'));
  dirs.push(dir);
  mkdirSync(join(dir, 't'));
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, 't', name), body);
  let out: string;
  try {
    out = execFileSync(process.execPath, [VITEST, 'run', '--root', dir, '--globals', `--reporter=${REPORTER}`], { encoding: 'utf8', stdio: 'pipe' });
  } catch (e) {
    out = String((e as { stdout?: string }).stdout ?? '');
  }
  const lines = out.trim().split('\n');
  return lines[lines.length - 1] ?? '';
}
const dirs: string[] = [];
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

const PASSING = `it('adds', () => { expect(1 + 1).toBe(2); });\nit('later', { skip: true }, () => {});\n`;

// Each case starts a whole Vitest: allow for a busy machine.
describe('summary reporter (a real Vitest run over a temporary project)', { timeout: 60_000 }, () => {
  it('counts passing, failing and deliberately skipped tests', () => {
    const failing = `it('fails', () => { expect(1).toBe(2); });\n`;
    expect(closingLine({ 'ok.test.ts': PASSING, 'bad.test.ts': failing })).toBe('1 passed, 1 failed, 1 skipped');
  });

  it('counts a test file that fails to load as failed and names it', () => {
    const broken = `import '../no-such-folder/fixtures.mjs';\nit('never runs', () => {});\n`;
    const line = closingLine({ 'ok.test.ts': PASSING, 'broken.test.ts': broken });
    expect(line).toMatch(/^1 passed, 1 failed, 1 skipped \(1 test file failed to load or set up: .*broken\.test\.ts\)$/);
  });

  it('counts every test of a suite whose beforeAll failed as failed, not skipped', () => {
    const hook = `describe('s', () => {\n  beforeAll(() => { throw new Error('server did not start'); });\n  it('a', () => {});\n  it('b', () => {});\n});\n`;
    expect(closingLine({ 'ok.test.ts': PASSING, 'hook.test.ts': hook })).toMatch(/^1 passed, 2 failed, 1 skipped \(1 test file/);
  });
});
