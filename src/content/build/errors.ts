/** Content problems found at build time, each naming the file and line. */
export interface ContentProblem {
  file: string;
  line: number;
  message: string;
}

export class ContentBuildError extends Error {
  constructor(readonly problems: ContentProblem[]) {
    super(`The guide has ${problems.length} problem(s):\n${formatProblems(problems)}`);
    this.name = 'ContentBuildError';
  }
}

export const formatProblems = (problems: ContentProblem[]): string =>
  problems.map((p) => `  ${p.file}:${p.line}: ${p.message}`).join('\n');

/** 1-based line of a character offset. */
export const lineAt = (source: string, offset: number): number =>
  offset < 0 ? 1 : source.slice(0, offset).split('\n').length;

/** 1-based line where `needle` first occurs at or after `from`, or `fallback`. */
export const lineOf = (source: string, needle: string, from = 0, fallback = 1): number => {
  const at = source.indexOf(needle, from);
  return at < 0 ? fallback : lineAt(source, at);
};
