import type { SyncConfig } from './types.ts';

/** What stays in localStorage: the server and username (never the password), and this device's id. */
const CONFIG_KEY = 'mlsd-pocket:sync';
const DEVICE_KEY = 'mlsd-pocket:device';

export function readSyncConfig(): SyncConfig | null {
  try {
    const raw = JSON.parse(localStorage.getItem(CONFIG_KEY) ?? 'null') as unknown;
    if (raw && typeof raw === 'object' && typeof (raw as SyncConfig).server === 'string' && typeof (raw as SyncConfig).username === 'string') {
      return { server: (raw as SyncConfig).server, username: (raw as SyncConfig).username };
    }
  } catch {
    // unreadable: treated as off
  }
  return null;
}

export function writeSyncConfig(config: SyncConfig): void {
  localStorage.setItem(CONFIG_KEY, JSON.stringify(config));
}

export function clearSyncConfig(): void {
  localStorage.removeItem(CONFIG_KEY);
}

/** True when sync was turned on (read at start-up without loading any sync code). */
export function syncWasOn(): boolean {
  try {
    return localStorage.getItem(CONFIG_KEY) !== null;
  } catch {
    return false;
  }
}

/** A random id for this device (tells revisions apart; never the user's name). */
export function deviceId(): string {
  let id = localStorage.getItem(DEVICE_KEY);
  if (!id) {
    id = crypto.randomUUID();
    localStorage.setItem(DEVICE_KEY, id);
  }
  return id;
}
