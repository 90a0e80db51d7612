import type { SyncConfig } from './types.ts';

/** CouchDB's per-user database name (`couch_peruser`): "userdb-" + the username in hex. */
export function perUserDbName(username: string): string {
  return `userdb-${[...new TextEncoder().encode(username)].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Checks what the user typed; a plain-words problem, or the database URL to replicate with.
 * A URL with a path names the database; a bare server URL means the user's own database.
 */
export function checkConfig(config: SyncConfig): { ok: true; dbUrl: string } | { ok: false; problem: string } {
  const server = config.server.trim();
  if (!server) return { ok: false, problem: 'Enter the address of your sync server, for example https://couch.example.org.' };
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    return { ok: false, problem: `"${server.slice(0, 80)}" is not a web address. It should start with https://.` };
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname))) {
    return { ok: false, problem: 'The sync server must use https:// (plain http:// is only allowed for a server on this device, such as localhost).' };
  }
  if (url.username || url.password) return { ok: false, problem: 'Put the username and password in their own fields, not in the address.' };
  if (!config.username.trim()) return { ok: false, problem: 'Enter your username on the sync server.' };
  const path = url.pathname.replace(/\/+$/, '');
  const base = `${url.origin}${path}`;
  return { ok: true, dbUrl: path ? base : `${base}/${perUserDbName(config.username.trim())}` };
}
