import type { SyncState } from './types.ts';

/** "2 min ago", "just now", "3 h ago", "on 4 Dec". */
export function ago(at: number, now: number): string {
  const s = Math.max(0, Math.round((now - at) / 1000));
  if (s < 45) return 'just now';
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min ago`;
  const h = Math.round(m / 60);
  if (h < 24) return `${h} h ago`;
  return `on ${new Date(at).toLocaleDateString('en-GB', { day: 'numeric', month: 'short' })}`;
}

/** The status line under Settings → Sync, in plain words. */
export function statusText(state: SyncState, now: number): string {
  switch (state.kind) {
    case 'off':
      return 'Sync is off. Everything stays on this device.';
    case 'starting':
      return 'Connecting to the sync server…';
    case 'syncing':
      return 'Syncing…';
    case 'synced':
      return `Synced ${ago(state.at, now)}`;
    case 'offline':
      return `Offline — will sync when back online${state.lastSyncedAt ? ` (last synced ${ago(state.lastSyncedAt, now)})` : ''}`;
    case 'unreachable':
      return `The sync server cannot be reached — trying again${state.lastSyncedAt ? ` (last synced ${ago(state.lastSyncedAt, now)})` : ''}. Nothing is lost meanwhile.`;
    case 'denied':
      return 'The server refused the password. Check the username and password, then turn sync on again.';
    case 'forbidden':
      return 'The server refused access to this database for this user. Check the server address, or ask its owner to give you a database.';
    case 'error':
      return `Sync stopped: ${state.reason}. Your data stays on this device.`;
  }
}
