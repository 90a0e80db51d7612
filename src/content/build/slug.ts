import { slug } from 'github-slugger';

/** GitHub-style heading ids; a repeated heading gets -2, -3 … (CONTENT.md). */
export class HeadingIds {
  private readonly seen = new Map<string, number>();

  next(text: string): string {
    const base = slug(text) || 'section';
    const count = (this.seen.get(base) ?? 0) + 1;
    this.seen.set(base, count);
    return count === 1 ? base : `${base}-${count}`;
  }
}

export const termKey = (term: string): string => slug(term.trim());
