import type { Reporter, TestModule } from 'vitest/node';

/** What the summary needs of a test file: its tests' states and the errors of the file and its suites. */
export interface ModuleLike {
  readonly moduleId: string;
  errors(): readonly unknown[];
  readonly children: {
    allTests(): Iterable<{ result(): { state: string }; readonly options: { readonly mode: string } }>;
    allSuites(): Iterable<{ errors(): readonly unknown[] }>;
  };
}

export interface Summary {
  passed: number;
  failed: number;
  skipped: number;
  /** Test files that failed to load or whose hooks failed with no failing test to show for it. */
  brokenFiles: string[];
}

/**
 * Counts tests, and counts a file that failed to load (syntax error, missing import, failing
 * top-level await) as one failure, and in a file whose setup failed (beforeAll) every test that was
 * meant to run but never did as failed: "all passed" must not hide tests that never ran.
 */
export function summarize(modules: ReadonlyArray<ModuleLike>, unhandledErrors = 0): Summary {
  const s: Summary = { passed: 0, failed: unhandledErrors, skipped: 0, brokenFiles: [] };
  for (const m of modules) {
    const broken = m.errors().length > 0 || [...m.children.allSuites()].some((suite) => suite.errors().length > 0);
    let failedHere = 0;
    for (const t of m.children.allTests()) {
      const state = t.result().state;
      const meantToRun = t.options.mode === 'run' || t.options.mode === 'only';
      if (state === 'passed') s.passed++;
      else if (state === 'failed' || (broken && meantToRun)) failedHere++;
      else s.skipped++;
    }
    if (broken && failedHere === 0) failedHere = 1;
    if (broken) s.brokenFiles.push(m.moduleId);
    s.failed += failedHere;
  }
  return s;
}

/** The closing line: "N passed, N failed" (and skipped, and which files never ran). */
export function summaryLine(s: Summary): string {
  const files = s.brokenFiles.length
    ? ` (${s.brokenFiles.length} test ${s.brokenFiles.length === 1 ? 'file' : 'files'} failed to load or set up: ${s.brokenFiles.join(', ')})`
    : '';
  return `${s.passed} passed, ${s.failed} failed${s.skipped ? `, ${s.skipped} skipped` : ''}${files}`;
}

/** Ends the run with one plain line: "N passed, N failed" (and skipped, if any). */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    console.log(`\n${summaryLine(summarize(modules, unhandledErrors.length))}`);
  }
}
