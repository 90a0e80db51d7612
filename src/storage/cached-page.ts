/**
 * A page put in the back/forward cache is frozen with every transaction it had open, and WebKit
 * keeps it there: a read frozen on a store holds back every later write to that store from other
 * pages (and every read queued behind such a write) until the cached page is thrown away. So, as
 * the page goes into the cache, every read still open is aborted: a read loses nothing. Writes are
 * left alone; they are what must land. Whoever was reading got an abort instead of an answer, so
 * when such a page is shown again it reloads (everything it wrote was written as it went).
 */
const reads = new Set<IDBTransaction>();
let cutShort = false;

/** Follows a transaction from its start to its end (called for every transaction the app makes). */
export function followTransaction(tx: IDBTransaction): void {
  if (tx.mode !== 'readonly') return;
  reads.add(tx);
  const done = () => reads.delete(tx);
  tx.addEventListener('complete', done);
  tx.addEventListener('abort', done);
}

/** The page is going into the back/forward cache: aborts every read still open; how many. */
export function goingIntoCache(): number {
  let aborted = 0;
  for (const tx of reads) {
    try {
      tx.abort();
      aborted++;
    } catch {
      // it had just finished
    }
  }
  reads.clear();
  if (aborted) cutShort = true;
  return aborted;
}

/** The page is shown again from the cache: true when a read was cut short, and the page must start afresh. */
export const mustStartAfresh = (): boolean => cutShort;
