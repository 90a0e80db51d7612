// Base styles first: each feature's stylesheet (imported by its components) refines them.
import './ui/fonts.css';
import './ui/base.css';
import { render } from 'preact';
import { preloadAnnotations } from './annotations/annotation-store.ts';
import { App } from './app/App.tsx';
import { followContentStatus, refreshGuide } from './app/guide.ts';
import { startRouter } from './app/router.ts';
import { watchStorage } from './app/storage-problem.ts';
import { startInstallWatch } from './install/install.ts';
import { applySettings, readerSettings } from './settings/reader-settings.ts';
import { startServiceWorker } from './sw-bridge/index.ts';
import { bootSync } from './sync/boot.ts';

applySettings(readerSettings.get());
matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => applySettings(readerSettings.get()));
startRouter();
watchStorage();
startInstallWatch();
followContentStatus();
void refreshGuide();
render(<App />, document.getElementById('app')!);
startServiceWorker();
preloadAnnotations();
// The second copy of the user's data (OPFS), in its own chunk: checks the database, then follows every write.
void import('./mirror/mirror.ts').then((m) => m.startMirror());
bootSync();
