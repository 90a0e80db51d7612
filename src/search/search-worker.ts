import type { Annotation } from '../annotations/types.ts';
import { openPocketDb } from '../storage/db.ts';
import { StorageFailure } from '../storage/errors.ts';
import { annotationsByIds, userCardsByIds } from '../storage/search-repo.ts';
import type { UserCard } from '../study/types.ts';
import type { FromWorker, ToWorker } from './protocol.ts';
import { SearchService } from './search-service.ts';

/**
 * The search worker: owns the index, so building it and answering a keystroke never hold up the
 * page. It follows the user's writes from every tab: notes through the annotations
 * BroadcastChannel (with ids), cards through the study channel (which only says "changed": the
 * cards are re-read), and the page forwards its own writes.
 */
interface Scope {
  postMessage(message: FromWorker): void;
  addEventListener(type: 'message', fn: (e: MessageEvent<ToWorker>) => void): void;
}
const scope = self as unknown as Scope;
const post = (m: FromWorker) => scope.postMessage(m);
const service = new SearchService(openPocketDb);

let opening: Promise<void> | null = null;
let latest = 0;

const plain = (err: unknown): string =>
  err instanceof StorageFailure ? err.message : 'Search could not read the guide saved on this device.';

function open(version: string | null = null): Promise<void> {
  opening = service
    .open(version)
    .then((report) => {
      post({ type: 'opened', report });
      // The guide's index and the user's notes load after the first answers (which scan the
      // guide's text): answers shown meanwhile are asked again.
      if (report.source !== 'current') {
        void service.settled().then((settled) => {
          post({ type: 'changed' });
          post({ type: 'settled', report: settled });
        });
      }
    })
    .catch((err: unknown) => post({ type: 'failed', message: plain(err) }));
  return opening;
}

async function follow(store: 'annotations' | 'cards', ids: string[]): Promise<void> {
  await (opening ?? open());
  const db = await openPocketDb();
  if (store === 'annotations') for (const [id, rec] of await annotationsByIds(db, ids)) service.applyAnnotation(id, rec);
  else for (const [id, rec] of await userCardsByIds(db, ids)) service.applyCard(id, rec);
  post({ type: 'changed' });
}

scope.addEventListener('message', (e) => {
  const m = e.data;
  if (m.type === 'open') void open(m.version);
  else if (m.type === 'search') {
    latest = m.id;
    void (opening ?? open()).then(() => {
      if (m.id !== latest) return; // a newer keystroke is waiting: answer that one only
      const t0 = performance.now();
      const answer = service.search(m.q, m.filter, m.limit);
      post({ type: 'answer', id: m.id, answer, ms: performance.now() - t0 });
    });
  } else if (m.type === 'writes') {
    for (const w of m.writes) {
      if (w.store === 'annotations') service.applyAnnotation(w.key, w.value as Annotation | null);
      else service.applyCard(w.key, w.value as UserCard | null);
    }
    post({ type: 'changed' });
  }
});

let cardsSoon: ReturnType<typeof setTimeout> | null = null;

/** Study data changed in some tab (cards made, edited, deleted, or a grade): re-read the cards once it settles. */
function refreshCardsSoon(): void {
  if (cardsSoon) clearTimeout(cardsSoon);
  cardsSoon = setTimeout(() => {
    cardsSoon = null;
    void (opening ?? open())
      .then(() => service.refreshCards())
      .then((changed) => changed && post({ type: 'changed' }))
      .catch(() => undefined);
  }, 200);
}

if (typeof BroadcastChannel !== 'undefined') {
  new BroadcastChannel('mlsd-annotations').addEventListener('message', (e: MessageEvent<{ type?: string; ids?: unknown }>) => {
    if (e.data?.type === 'changed' && Array.isArray(e.data.ids)) void follow('annotations', e.data.ids.filter((x): x is string => typeof x === 'string')).catch(() => undefined);
  });
  new BroadcastChannel('mlsd-study').addEventListener('message', refreshCardsSoon);
}
