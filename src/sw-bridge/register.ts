import { Workbox } from 'workbox-window';
import { serviceWorkerUrl } from '../content/trusted-types.ts';

/** Registers the worker through workbox-window (its own chunk, loaded after the page's load event). */
export function register(onWaiting: () => void): Workbox {
  const wb = new Workbox(serviceWorkerUrl(), { scope: '/' });
  wb.addEventListener('waiting', onWaiting);
  return wb;
}
