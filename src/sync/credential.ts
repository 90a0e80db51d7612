import type { SyncSecret } from '../storage/schema.ts';

/**
 * The sync password is never kept in plain text: it is encrypted (AES-GCM) with a key the browser
 * generates as non-extractable, and both are kept in IndexedDB. Someone who copies the browser's
 * files gets ciphertext and a key handle they cannot export; the page itself can still decrypt it
 * to sign in again after a restart, which is what "remember me" needs.
 */
export async function sealPassword(password: string): Promise<SyncSecret> {
  const cryptoKey = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, cryptoKey, new TextEncoder().encode(password));
  return { key: 'sync-secret', cryptoKey, iv, data };
}

export async function openPassword(secret: SyncSecret): Promise<string> {
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: secret.iv as Uint8Array<ArrayBuffer> }, secret.cryptoKey, secret.data);
  return new TextDecoder().decode(plain);
}
