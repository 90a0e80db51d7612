/** Persistent storage and the numbers Settings shows. */
export interface StorageReport {
  usage: number | null;
  quota: number | null;
  persisted: boolean | null;
}

export async function storageReport(): Promise<StorageReport> {
  const s = (navigator as { storage?: StorageManager }).storage;
  if (!s) return { usage: null, quota: null, persisted: null };
  const [estimate, persisted] = await Promise.all([
    s.estimate?.().catch(() => null) ?? null,
    s.persisted?.().catch(() => null) ?? null,
  ]);
  return { usage: estimate?.usage ?? null, quota: estimate?.quota ?? null, persisted };
}

/** Asks once for storage the browser will not evict under pressure. */
export async function askPersistence(): Promise<boolean | null> {
  const s = (navigator as { storage?: StorageManager }).storage;
  if (!s?.persist) return null;
  if (await s.persisted().catch(() => false)) return true;
  return s.persist().catch(() => null);
}

export const formatBytes = (n: number | null): string => {
  if (n === null) return 'unknown';
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(0)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(1)} GB`;
};
