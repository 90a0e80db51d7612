// Base styles first: each feature's stylesheet (imported by its components) refines them.
import './ui/fonts.css';
import './ui/base.css';
import { render } from 'preact';
import { App } from './app/App.tsx';
import { watchBackForwardCache } from './app/back-forward-cache.ts';
import { followContentStatus, refreshGuide } from './app/guide.ts';
import { startRouter } from './app/router.ts';
import { watchStorage } from './app/storage-problem.ts';
import { startInstallWatch } from './install/install.ts';
import { applySettings, readerSettings } from './settings/reader-settings.ts';
import { startServiceWorker } from './sw-bridge/index.ts';
import { afterLoad } from './ui/after-load.ts';

applySettings(readerSettings.get());
matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => applySettings(readerSettings.get()));
startRouter();
watchStorage();
watchBackForwardCache();
startInstallWatch();
followContentStatus();
void refreshGuide();
render(<App />, document.getElementById('app')!);
startServiceWorker();
// Work the first screen does not need starts once the page has loaded, so its code is not in the first load.
afterLoad(() => {
  // Highlights read into memory while idle (the notebook opens at once).
  void import('./annotations/annotation-store.ts').then((m) => m.preloadAnnotations());
  // The second copy of the user's data (OPFS), in its own chunk: checks the database, then follows every write
  // (writes made before it started are caught up from user-writes' backlog).
  void import('./mirror/mirror.ts').then((m) => m.startMirror());
  // If sync was on, its code (its own chunk) loads and resumes; nothing else loads.
  void import('./sync/boot.ts').then((m) => m.bootSync());
});
