import type { ChapterPayload, ContentManifest } from '../../src/shared/content-types.ts';

/** A tiny guide as the build would emit it, with a way to change one chapter. */
export function makeGuide(ids: string[], edits: Record<string, string> = {}): { manifest: ContentManifest; payloads: ChapterPayload[] } {
  const payloads = ids.map((id): ChapterPayload => {
    const text = edits[id] ?? `Text of ${id}.`;
    const hash = `h-${id}-${text.length}-${[...text].reduce((a, c) => (a * 31 + c.charCodeAt(0)) >>> 0, 7).toString(16)}`;
    return { id, hash, title: `Chapter ${id}`, body: [['h1', null, `Chapter ${id}`], ['p', { id: 'intro-p1' }, text]], cards: [] };
  });
  const manifest: ContentManifest = {
    version: payloads.map((p) => p.hash).join('|'),
    chapters: payloads.map((p, i) => ({
      id: p.id,
      part: 'start',
      order: i + 1,
      title: p.title,
      summary: 'S.',
      minutes: 1,
      tags: [],
      outline: [],
      hash: p.hash,
      bytes: 100,
      cardCount: 0,
      words: 3,
    })),
  };
  return { manifest, payloads };
}

/** A fetch that serves a guide from memory, records what was asked, and can fail on demand. */
export function fakeFetch(guide: { manifest: ContentManifest; payloads: ChapterPayload[] }, opts: { failOn?: (url: string) => boolean } = {}) {
  const requested: string[] = [];
  const fetcher = (async (input: RequestInfo | URL) => {
    const url = String(input);
    requested.push(url);
    if (opts.failOn?.(url)) throw new TypeError('Failed to fetch');
    if (url === '/content/manifest.json') return new Response(JSON.stringify(guide.manifest));
    const m = /^\/content\/chapters\/(.+)\.([^.]+)\.json$/.exec(url);
    const p = m && guide.payloads.find((x) => x.id === m[1] && x.hash === m[2]);
    return p ? new Response(JSON.stringify(p)) : new Response('not found', { status: 404 });
  }) as typeof fetch;
  return { fetcher, requested };
}
