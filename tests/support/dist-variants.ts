import { cpSync, mkdtempSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChapterPayload, ContentManifest, TreeNode } from '../../src/shared/content-types.ts';

export const readManifest = (dist: string): ContentManifest => JSON.parse(readFileSync(join(dist, 'content/manifest.json'), 'utf8')) as ContentManifest;

const copy = (dist: string): string => {
  const dir = mkdtempSync(join(tmpdir(), 'mlsd-dist-'));
  cpSync(dist, dir, { recursive: true });
  return dir;
};

/** A copy of the build where one chapter's payload was changed by `mutate` (a content release). */
function reviseChapter(dist: string, id: string, tag: string, mutate: (payload: ChapterPayload) => void): { dir: string; manifest: ContentManifest; hash: string } {
  const dir = copy(dist);
  const manifest = readManifest(dir);
  const meta = manifest.chapters.find((c) => c.id === id);
  if (!meta) throw new Error(`no chapter ${id}`);
  const payload = JSON.parse(readFileSync(join(dir, `content/chapters/${id}.${meta.hash}.json`), 'utf8')) as ChapterPayload;
  mutate(payload);
  const hash = `${meta.hash.slice(0, 6)}${tag}${Date.now().toString(16)}`.slice(0, 16);
  payload.hash = hash;
  meta.hash = hash;
  manifest.version = `${manifest.version.slice(0, 6)}-${tag}`;
  writeFileSync(join(dir, `content/chapters/${id}.${hash}.json`), JSON.stringify(payload));
  writeFileSync(join(dir, 'content/manifest.json'), JSON.stringify(manifest));
  return { dir, manifest, hash };
}

/** One chapter revised: `marker` appended to its first paragraph, nothing else changed. */
export function withRevisedChapter(dist: string, id: string, marker: string): { dir: string; manifest: ContentManifest; hash: string } {
  return reviseChapter(dist, id, 'rev', (payload) => {
    const para = payload.body.find((n): n is Exclude<TreeNode, string> => typeof n !== 'string' && n[0] === 'p');
    if (!para) throw new Error(`chapter ${id} has no paragraph`);
    para.push(` ${marker}`);
  });
}

/** One chapter revised: every text string passed through `edit`. */
export function withEditedChapter(dist: string, id: string, edit: (text: string) => string): { dir: string; manifest: ContentManifest } {
  const walk = (nodes: TreeNode[]): TreeNode[] => nodes.map((n) => (typeof n === 'string' ? edit(n) : ([n[0], n[1], ...walk(n.slice(2) as TreeNode[])] as TreeNode)));
  return reviseChapter(dist, id, 'ed', (payload) => {
    payload.body = walk(payload.body);
  });
}

/** A copy of the build with a byte-different service worker: a new app version. */
export function withNewWorker(dist: string): string {
  const dir = copy(dist);
  appendFileSync(join(dir, 'sw.js'), `\n// release ${Date.now()}\n`);
  return dir;
}
