import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChapterPayload, TreeNode } from '../../src/shared/content-types.ts';
import { readManifest } from './dist-variants.ts';

/** Phrases that stand alone in plain-text runs of a chapter's paragraphs (for selecting in tests). */
export function phrasesOf(dist: string, chapterId: string, count: number): string[] {
  const meta = readManifest(dist).chapters.find((c) => c.id === chapterId);
  if (!meta) throw new Error(`no chapter ${chapterId}`);
  const payload = JSON.parse(readFileSync(join(dist, `content/chapters/${chapterId}.${meta.hash}.json`), 'utf8')) as ChapterPayload;
  const out: string[] = [];
  for (const n of payload.body) {
    if (typeof n === 'string' || n[0] !== 'p') continue;
    const run = (n.slice(2) as TreeNode[]).find((c): c is string => typeof c === 'string' && c.split(' ').length > 14);
    if (!run) continue;
    const words = run.trim().split(/\s+/).slice(2, 9).join(' ');
    const all = JSON.stringify(payload.body);
    if (all.split(words).length === 2) out.push(words);
    if (out.length === count) break;
  }
  if (out.length < count) throw new Error(`only ${out.length} phrases in ${chapterId}`);
  return out;
}
