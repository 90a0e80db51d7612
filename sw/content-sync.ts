import { chapterUrl, MANIFEST_URL, type ChapterMeta, type ChapterPayload, type ContentManifest } from '../src/shared/content-types.ts';
import type { ContentStatus } from '../src/shared/messages.ts';
import { beginProgressive, commitContent, getInstalled, putChapter, storedChapterIds } from '../src/storage/content-repo.ts';
import { openPocketDb, type PocketDb } from '../src/storage/db.ts';
import { StorageFailure } from '../src/storage/errors.ts';
import { pausedMessage, planInstall } from './install-plan.ts';

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

/** A chapter that did not arrive whole: its hash or shape does not match the manifest. */
class Damaged extends Error {}

async function fetchJson(url: string, fetcher: typeof fetch): Promise<unknown> {
  const res = await fetcher(url, { cache: 'no-cache' });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.json();
}

async function fetchChapter(c: ChapterMeta, fetcher: typeof fetch): Promise<ChapterPayload> {
  const payload = (await fetchJson(chapterUrl(c.id, c.hash), fetcher)) as ChapterPayload;
  if (payload?.id !== c.id || payload.hash !== c.hash || !Array.isArray(payload.body)) throw new Damaged(c.id);
  return payload;
}

/**
 * Runs `job` over `list`, PARALLEL at a time. The first failure stops the others from taking more
 * work; it is thrown once every job in flight has settled, so no progress is reported after it.
 */
async function eachParallel<T>(list: T[], job: (item: T) => Promise<void>): Promise<void> {
  const queue = [...list];
  let failure: { err: unknown } | null = null;
  const worker = async () => {
    for (let item = queue.shift(); item && !failure; item = queue.shift()) {
      try {
        await job(item);
      } catch (err) {
        failure ??= { err };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, list.length) }, worker));
  if (failure) throw (failure as { err: unknown }).err;
}

const storageStatus = (err: unknown, version: string | null): ContentStatus => {
  const failure = err instanceof StorageFailure ? err : null;
  return {
    phase: 'failed',
    kind: failure?.kind === 'quota' ? 'quota' : 'storage',
    message: failure?.message ?? 'Saving the guide failed: this device’s storage did not accept it.',
    version,
  };
};

/**
 * Brings the guide in IndexedDB up to the server's manifest (see `planInstall`): a first save
 * stores each chapter as it arrives and resumes where it stopped; an update of a complete guide
 * downloads only the changed chapters and switches versions in one transaction, so a failure
 * leaves the installed version whole. Messages are plain words, never a raw browser error.
 */
export async function syncContent(report: Report, fetcher: typeof fetch = fetch): Promise<ContentStatus> {
  const finish = (s: ContentStatus) => (report(s), s);
  let db: PocketDb;
  let installed: Awaited<ReturnType<typeof getInstalled>>;
  let stored: Set<string>;
  try {
    db = await openPocketDb();
    installed = await getInstalled(db);
    stored = installed ? await storedChapterIds(db) : new Set();
  } catch (err) {
    const message = err instanceof StorageFailure ? err.message : 'Storage is not available.';
    return finish({ phase: 'failed', kind: 'storage', message, version: null });
  }
  const version = installed?.manifest.version ?? null;
  const storedCount = installed ? installed.manifest.chapters.filter((c) => stored.has(c.id)).length : 0;
  const partial = !!installed && storedCount < installed.manifest.chapters.length;
  report({ phase: 'checking' });
  let manifest: unknown;
  try {
    manifest = await fetchJson(MANIFEST_URL, fetcher);
  } catch {
    if (installed && !partial) return finish({ phase: 'offline', version });
    const message = installed
      ? pausedMessage(storedCount, installed.manifest.chapters.length, 'network')
      : 'No connection: the guide will be saved for offline use when you are back online.';
    return finish({ phase: 'failed', kind: 'network', message, version });
  }
  if (!isManifest(manifest)) {
    return finish({ phase: 'failed', kind: 'invalid', message: 'The server sent a guide index this version cannot read.', version });
  }
  const next = manifest;
  const plan = planInstall(installed?.manifest ?? null, stored, next);
  const total = next.chapters.length;
  if (plan.mode === 'none') return finish({ phase: 'ready', version: next.version, chapters: total, updated: false });

  if (plan.mode === 'progressive') {
    let done = plan.kept;
    try {
      await beginProgressive(db, next, plan.remove);
    } catch (err) {
      return finish(storageStatus(err, version));
    }
    report({ phase: 'downloading', done, total, firstInstall: true });
    try {
      await eachParallel(plan.download, async (c) => {
        const payload = await fetchChapter(c, fetcher);
        await putChapter(db, payload, next.version);
        report({ phase: 'downloading', done: ++done, total, firstInstall: true });
      });
    } catch (err) {
      if (err instanceof StorageFailure) return finish(storageStatus(err, next.version));
      const message = pausedMessage(done, total, err instanceof Damaged ? 'damaged' : 'network');
      return finish({ phase: 'failed', kind: 'network', message, version: next.version });
    }
    return finish({ phase: 'ready', version: next.version, chapters: total, updated: !!installed && !partial });
  }

  const payloads: ChapterPayload[] = [];
  let done = 0;
  const changed = plan.download.length;
  report({ phase: 'downloading', done, total: changed, firstInstall: false });
  try {
    await eachParallel(plan.download, async (c) => {
      payloads.push(await fetchChapter(c, fetcher));
      report({ phase: 'downloading', done: ++done, total: changed, firstInstall: false });
    });
  } catch (err) {
    const why = err instanceof Damaged ? 'a chapter arrived damaged' : 'the connection dropped';
    const message = `Updating the guide stopped (${why}); the version you have stays in place and the update will resume later.`;
    return finish({ phase: 'failed', kind: 'network', message, version });
  }
  try {
    await commitContent(db, next, payloads, plan.remove);
  } catch (err) {
    return finish(storageStatus(err, version));
  }
  return finish({ phase: 'ready', version: next.version, chapters: total, updated: true });
}
