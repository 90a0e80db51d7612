import { chapterUrl, MANIFEST_URL, type ChapterPayload, type ContentManifest } from '../src/shared/content-types.ts';
import type { ContentStatus } from '../src/shared/messages.ts';
import { commitContent, getInstalled, planUpdate } from '../src/storage/content-repo.ts';
import { openPocketDb } from '../src/storage/db.ts';
import { StorageFailure } from '../src/storage/errors.ts';

const PARALLEL = 4;

export type Report = (status: ContentStatus) => void;

/** Checks a fetched manifest's shape before anything trusts it. */
export function isManifest(x: unknown): x is ContentManifest {
  const m = x as ContentManifest;
  return (
    typeof m === 'object' && m !== null && typeof m.version === 'string' && Array.isArray(m.chapters) &&
    m.chapters.every((c) => typeof c.id === 'string' && typeof c.hash === 'string' && typeof c.title === 'string')
  );
}

async function fetchJson(url: string, fetcher: typeof fetch): Promise<unknown> {
  const res = await fetcher(url, { cache: 'no-cache' });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.json();
}

/**
 * Brings the guide in IndexedDB up to the server's manifest: downloads only the chapters whose
 * hash changed, then switches versions in one transaction. Any failure leaves the installed
 * version whole; the next sync starts again.
 */
export async function syncContent(report: Report, fetcher: typeof fetch = fetch): Promise<ContentStatus> {
  const finish = (s: ContentStatus) => (report(s), s);
  let db: Awaited<ReturnType<typeof openPocketDb>>;
  let installed: Awaited<ReturnType<typeof getInstalled>>;
  try {
    db = await openPocketDb();
    installed = await getInstalled(db);
  } catch (err) {
    const message = err instanceof StorageFailure ? err.message : 'Storage is not available.';
    return finish({ phase: 'failed', kind: 'storage', message, version: null });
  }
  const version = installed?.manifest.version ?? null;
  report({ phase: 'checking' });
  let manifest: unknown;
  try {
    manifest = await fetchJson(MANIFEST_URL, fetcher);
  } catch {
    return finish(
      installed
        ? { phase: 'offline', version }
        : { phase: 'failed', kind: 'network', message: 'No connection: the guide will be saved for offline use when you are back online.', version },
    );
  }
  if (!isManifest(manifest)) {
    return finish({ phase: 'failed', kind: 'invalid', message: 'The server sent a guide index this version cannot read.', version });
  }
  if (installed && installed.manifest.version === manifest.version) {
    return finish({ phase: 'ready', version, chapters: manifest.chapters.length, updated: false } as ContentStatus);
  }
  const plan = planUpdate(installed?.manifest ?? null, manifest);
  const total = plan.download.length;
  const payloads: ChapterPayload[] = [];
  let done = 0;
  report({ phase: 'downloading', done, total, firstInstall: !installed });
  try {
    const queue = [...plan.download];
    const worker = async () => {
      for (let c = queue.shift(); c; c = queue.shift()) {
        const payload = (await fetchJson(chapterUrl(c.id, c.hash), fetcher)) as ChapterPayload;
        if (payload?.id !== c.id || payload.hash !== c.hash || !Array.isArray(payload.body)) {
          throw new Error(`chapter ${c.id} arrived damaged`);
        }
        payloads.push(payload);
        report({ phase: 'downloading', done: ++done, total, firstInstall: !installed });
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL, total) }, worker));
  } catch (err) {
    const message = `Saving the guide stopped (${err instanceof Error ? err.message : 'network error'}); ${
      installed ? 'the version you have stays in place' : 'it will resume when you are back online'
    }.`;
    return finish({ phase: 'failed', kind: 'network', message, version });
  }
  try {
    await commitContent(db, manifest, payloads, plan.remove);
  } catch (err) {
    const failure = err instanceof StorageFailure ? err : null;
    return finish({
      phase: 'failed',
      kind: failure?.kind === 'quota' ? 'quota' : 'storage',
      message: failure?.message ?? 'Saving the guide failed.',
      version,
    });
  }
  return finish({ phase: 'ready', version: manifest.version, chapters: manifest.chapters.length, updated: !!installed });
}
