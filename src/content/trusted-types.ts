/** The Trusted Types policies of the page (CSP: require-trusted-types-for 'script'). */
import type { TrustedScriptURL } from 'trusted-types/lib';

interface TrustedTypePolicyLike {
  createScriptURL(input: string): unknown;
  createHTML(input: string): unknown;
}
interface TrustedTypesLike {
  createPolicy(name: string, rules: { createScriptURL?: (s: string) => string; createHTML?: (s: string) => string }): TrustedTypePolicyLike;
}

export const trustedTypes = (globalThis as { trustedTypes?: TrustedTypesLike }).trustedTypes;

export const SW_URL = '/sw.js';
let swPolicy: TrustedTypePolicyLike | undefined;

/** The service worker's script URL; the policy allows exactly this one URL. */
export function serviceWorkerUrl(): string | TrustedScriptURL {
  if (!trustedTypes) return SW_URL;
  swPolicy ??= trustedTypes.createPolicy('mlsd-sw', {
    createScriptURL: (url) => {
      if (url !== SW_URL) throw new TypeError(`Refusing to load ${url} as a service worker`);
      return url;
    },
  });
  return swPolicy.createScriptURL(SW_URL) as TrustedScriptURL;
}
