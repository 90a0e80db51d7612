import type { Page } from 'playwright-core';

/** Records per user store in the page's IndexedDB (read in the page, through its own connection). */
export function userCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('mlsd-pocket');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const stores = ['annotations', 'progress', 'cards', 'reviews', 'attempts'].filter((s) => db.objectStoreNames.contains(s));
    const out: Record<string, number> = {};
    const tx = db.transaction(stores);
    await Promise.all(
      stores.map((s) => new Promise<void>((res) => {
        const r = tx.objectStore(s).count();
        r.onsuccess = () => { out[s] = r.result; res(); };
      })),
    );
    db.close();
    return out;
  });
}

/** Every note text in the page's IndexedDB. */
export function storedNotes(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('mlsd-pocket');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const all = await new Promise<{ note: string }[]>((res) => {
      const r = db.transaction('annotations').objectStore('annotations').getAll();
      r.onsuccess = () => res(r.result as { note: string }[]);
    });
    db.close();
    return all.map((a) => a.note);
  });
}

/** Empties the user's stores in IndexedDB behind the app's back (the guide stays). */
export function emptyUserStores(page: Page): Promise<void> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('mlsd-pocket');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const stores = ['annotations', 'progress', 'cards', 'reviews', 'attempts'].filter((s) => db.objectStoreNames.contains(s));
    await new Promise((res) => {
      const tx = db.transaction(stores, 'readwrite');
      for (const s of stores) tx.objectStore(s).clear();
      tx.oncomplete = res;
    });
    db.close();
  });
}

/** The text of the second copy's files in OPFS (snapshot + journal). */
export function mirrorText(page: Page): Promise<string> {
  return page.evaluate(async () => {
    try {
      const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('mlsd-mirror');
      let text = '';
      for (const name of ['snapshot.json', 'journal.log']) {
        try {
          text += await (await (await dir.getFileHandle(name)).getFile()).text();
        } catch {
          // not written yet
        }
      }
      return text;
    } catch {
      return '';
    }
  });
}

/**
 * Deletes the second copy too (for tests that need a database with no copy to restore from). It holds
 * the app's own mirror lock, so no write of the copy is under way (an open file cannot be removed),
 * and it throws when the folder is still there afterwards instead of leaving a copy to restore from.
 */
export async function deleteMirror(page: Page): Promise<void> {
  const left = await page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    return navigator.locks.request('mlsd-mirror', async () => {
      let why = '';
      for (let i = 0; i < 20; i++) {
        try {
          await root.removeEntry('mlsd-mirror', { recursive: true });
          break;
        } catch (err) {
          if ((err as DOMException).name === 'NotFoundError') break;
          why = String(err);
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      localStorage.removeItem('mlsd-pocket:mirror');
      try {
        await root.getDirectoryHandle('mlsd-mirror');
        return why || 'still there';
      } catch {
        return '';
      }
    });
  });
  if (left) throw new Error(`the mirror's folder could not be deleted: ${left}`);
}

/** Deletes the second copy's own files (snapshot and journal) but not the copy of the last exported backup beside them. */
export async function deleteMirrorFiles(page: Page): Promise<void> {
  const left = await page.evaluate(async () => {
    const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('mlsd-mirror');
    // Under the app's mirror lock (see deleteMirror): a file open for writing cannot be removed.
    return navigator.locks.request('mlsd-mirror', async () => {
      const kept: string[] = [];
      for (const name of ['snapshot.json', 'journal.log']) {
        await dir.removeEntry(name).catch((err: DOMException) => {
          if (err.name !== 'NotFoundError') kept.push(`${name}: ${String(err)}`);
        });
      }
      return kept.join('; ');
    });
  });
  if (left) throw new Error(`the mirror's files could not be deleted: ${left}`);
}

/** The files in the mirror's folder (the copy, and the last exported backup). */
export function lastBackupNames(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    try {
      const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('mlsd-mirror');
      const names: string[] = [];
      for await (const name of (dir as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(name);
      return names;
    } catch {
      return [];
    }
  });
}
