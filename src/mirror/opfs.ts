/**
 * The only code that touches the Origin Private File System: the mirror's folder, whole-file
 * reads, atomic replacement (Chromium writes a swap file and renames it on close, so a reader
 * sees the old file or the new one, never half of one) and appends. Every call runs under one
 * Web Lock so two tabs never write the copy at the same time.
 */
const DIR = 'mlsd-mirror';
const LOCK = 'mlsd-mirror';

export const opfsAvailable = (): boolean =>
  typeof navigator !== 'undefined' && !!navigator.storage && typeof navigator.storage.getDirectory === 'function';

async function dir(): Promise<FileSystemDirectoryHandle> {
  const root = await navigator.storage.getDirectory();
  return root.getDirectoryHandle(DIR, { create: true });
}

async function file(name: string): Promise<FileSystemFileHandle> {
  return (await dir()).getFileHandle(name, { create: true });
}

/** Runs `fn` holding the mirror's lock (across tabs); without Web Locks, runs it directly. */
export function withMirrorLock<T>(fn: () => Promise<T>): Promise<T> {
  const locks = (navigator as Navigator & { locks?: LockManager }).locks;
  return locks ? (locks.request(LOCK, fn) as Promise<T>) : fn();
}

/**
 * The file's text from byte `from` on ('' when missing), and its size in bytes. A read never creates
 * the file: a file's presence can mean it was written (last-backup.json is written last, as the mark
 * that its copy is whole).
 */
export async function readFrom(name: string, from = 0): Promise<{ text: string; size: number }> {
  let f: File;
  try {
    f = await (await (await dir()).getFileHandle(name)).getFile();
  } catch (err) {
    if (err instanceof DOMException && err.name === 'NotFoundError') return { text: '', size: 0 };
    throw err;
  }
  return { text: from >= f.size ? '' : await f.slice(from).text(), size: f.size };
}

/** The file's size and last change, as one comparable string. */
export async function stat(name: string): Promise<string> {
  const f = await (await file(name)).getFile();
  return `${f.size}:${f.lastModified}`;
}

/** Replaces the whole file at once. */
export async function replaceFile(name: string, text: string): Promise<number> {
  const w = await (await file(name)).createWritable({ keepExistingData: false });
  const bytes = new TextEncoder().encode(text);
  try {
    await w.write(bytes);
    await w.close();
  } catch (err) {
    await w.abort().catch(() => undefined);
    throw err;
  }
  return bytes.byteLength;
}

/** Adds text at the end of the file; returns the new size in bytes. */
export async function appendFile(name: string, text: string): Promise<number> {
  const handle = await file(name);
  const size = (await handle.getFile()).size;
  const w = await handle.createWritable({ keepExistingData: true });
  const bytes = new TextEncoder().encode(text);
  try {
    await w.write({ type: 'write', position: size, data: bytes });
    await w.close();
  } catch (err) {
    await w.abort().catch(() => undefined);
    throw err;
  }
  return size + bytes.byteLength;
}

/** Deletes the file if it is there. */
export async function removeFile(name: string): Promise<void> {
  await (await dir()).removeEntry(name).catch((err: unknown) => {
    if (!(err instanceof DOMException && err.name === 'NotFoundError')) throw err;
  });
}
