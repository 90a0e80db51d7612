import { openPocketDb } from '../storage/db.ts';
import { USER_STORES } from '../storage/schema.ts';
import { getSyncSecret, putSyncSecret } from '../storage/sync-repo.ts';
import { createStore } from '../ui/store.ts';
import { openPassword, sealPassword } from './credential.ts';
import { checkConfig } from './sync-config.ts';
import type { SyncEngine } from './sync-engine.ts';
import { clearSyncConfig, deviceId, readSyncConfig, writeSyncConfig } from './sync-settings.ts';
import type { SkippedDoc, SyncConfig, SyncState } from './types.ts';

/** Where sync stands, for the status line (the one owner of the engine is this module). */
export const syncState = createStore<SyncState>({ kind: 'off' });
/** Documents from the server that were not used, with the reason (shown under the status). */
export const skippedDocs = createStore<readonly SkippedDoc[]>([]);

let engine: SyncEngine | null = null;

async function run(dbUrl: string, username: string, password: string): Promise<void> {
  await engine?.stop(false);
  skippedDocs.set([]);
  syncState.set({ kind: 'starting' });
  // PouchDB and the merge load only now, when sync is on: never with Settings, never at start-up.
  const [{ SyncEngine }, { mergeText }] = await Promise.all([import('./sync-engine.ts'), import('../annotations/conflict.ts')]);
  engine = new SyncEngine(dbUrl, { username, password }, {
    db: openPocketDb,
    now: () => Date.now(),
    device: deviceId(),
    mergeText,
    stores: USER_STORES,
    onState: (s) => {
      syncState.set(s);
      // A refused sign-in (now or later) keeps nothing: the user fixes the fields and tries again.
      if (s.kind === 'denied' || s.kind === 'forbidden') void turnOff(s);
    },
    onSkipped: (s) => skippedDocs.set([...skippedDocs.get(), s].slice(-20)),
    onApplied: async (changes) => {
      const stores = new Set(changes.map((c) => c.store));
      // Highlights and notes on screen (this tab and others) re-read what sync wrote, through the
      // annotation store's own tab channel.
      const ids = changes.filter((c) => c.store === 'annotations').map((c) => c.key);
      if (ids.length && typeof BroadcastChannel !== 'undefined') {
        const channel = new BroadcastChannel('mlsd-annotations');
        channel.postMessage({ type: 'changed', ids });
        channel.close();
      }
      // Reviews from the other device: recompute those cards' schedules from the merged log.
      if (stores.has('reviews') || stores.has('cards')) await import('./after-sync.ts').then((m) => m.recomputeAfterSync(changes)).catch(() => undefined);
    },
  });
  await engine.start();
}

/** Settings → "Turn on sync". The password is sealed before anything is kept. */
export async function turnOn(config: SyncConfig, password: string): Promise<{ ok: true } | { ok: false; problem: string }> {
  const check = checkConfig(config);
  if (!check.ok) return check;
  if (!password) return { ok: false, problem: 'Enter your password on the sync server.' };
  try {
    await putSyncSecret(await openPocketDb(), await sealPassword(password));
  } catch {
    return { ok: false, problem: 'The password could not be kept safely on this device (storage is unavailable), so sync was not turned on.' };
  }
  writeSyncConfig({ server: config.server.trim(), username: config.username.trim() });
  await run(check.dbUrl, config.username.trim(), password);
  return { ok: true };
}

/** Settings → "Turn off sync": stops replicating; everything stays on this device. */
export async function turnOff(keepState?: SyncState): Promise<void> {
  const e = engine;
  engine = null;
  clearSyncConfig();
  await e?.stop(true);
  await putSyncSecret(await openPocketDb(), null).catch(() => undefined);
  syncState.set(keepState ?? { kind: 'off' });
}

/** On start-up, when sync was on: sign in again with the sealed password. */
export async function resumeSync(): Promise<void> {
  const config = readSyncConfig();
  if (!config || engine) return;
  const check = checkConfig(config);
  if (!check.ok) return;
  try {
    const secret = await getSyncSecret(await openPocketDb());
    if (!secret) {
      syncState.set({ kind: 'error', reason: 'the saved password is gone from this device; turn sync on again' });
      return;
    }
    await run(check.dbUrl, config.username, await openPassword(secret));
  } catch {
    syncState.set({ kind: 'error', reason: 'the saved password could not be read on this device; turn sync on again' });
  }
}

/** Every change made so far has reached the local replica (before an app update reloads). */
export async function flushSync(): Promise<void> {
  await engine?.flush();
}
