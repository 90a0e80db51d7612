import { createStore } from '../ui/store.ts';

interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

/** What installing looks like on this browser. */
export type InstallState = 'installed' | 'available' | 'ios' | 'unsupported';

let deferred: BeforeInstallPromptEvent | null = null;

export const isStandalone = (): boolean =>
  matchMedia('(display-mode: standalone)').matches || (navigator as { standalone?: boolean }).standalone === true;

/** iPhone and iPad Safari have no install prompt: people add the app from the Share menu. */
export const isIos = (ua = navigator.userAgent, touchPoints = navigator.maxTouchPoints): boolean =>
  /iPhone|iPad|iPod/.test(ua) || (/Macintosh/.test(ua) && touchPoints > 1);

/**
 * Safari and every WebKit browser (all of them on iPhone and iPad): storage a page writes is
 * deleted after 7 days of browser use without a visit, unless the site is on the Home Screen.
 */
export const isWebKitBrowser = (ua = navigator.userAgent): boolean =>
  /iPhone|iPad|iPod/.test(ua) || (/AppleWebKit/.test(ua) && !/Chrome|Chromium|Edg\/|Firefox/.test(ua));

export const installState = createStore<InstallState>('unsupported');

export function startInstallWatch(): void {
  installState.set(isStandalone() ? 'installed' : isIos() ? 'ios' : 'unsupported');
  addEventListener('beforeinstallprompt', (e) => {
    e.preventDefault();
    deferred = e as BeforeInstallPromptEvent;
    installState.set('available');
  });
  addEventListener('appinstalled', () => {
    deferred = null;
    installState.set('installed');
  });
}

export async function promptInstall(): Promise<void> {
  if (!deferred) return;
  await deferred.prompt();
  const { outcome } = await deferred.userChoice;
  deferred = null;
  installState.set(outcome === 'accepted' ? 'installed' : 'unsupported');
}
