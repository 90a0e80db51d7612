import { formatAgo } from '../ui/dates.ts';
import type { SyncState } from './types.ts';

/** "just now", "2 minutes ago", "3 hours ago", "yesterday", "on 4 Dec": the app's one date formatter. */
export const ago = (at: number, now: number): string => formatAgo(at, { now });

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
