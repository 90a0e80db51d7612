import { useEffect, useState } from 'preact/hooks';
import { installState, isWebKitBrowser, promptInstall } from '../install/install.ts';
import type { ContentManifest } from '../shared/content-types.ts';
import { askPersistence, formatBytes, storageReport, type StorageReport } from './persistence.ts';
import { contentStatus } from '../sw-bridge/index.ts';
import { useStore } from '../ui/store.ts';
import { FONT_SIZES, readerSettings, updateSettings, type ReadingFont, type Spacing, type Theme } from './reader-settings.ts';
import { BackupPanel } from '../notebook/BackupPanel.tsx';
import { SyncPanel } from '../sync/SyncPanel.tsx';
import { ChoiceGroup } from './ChoiceGroup.tsx';
import { guideFact } from './guide-fact.ts';
import { StudySettings } from '../study/StudySettings.tsx';
import './settings.css';

const THEME_LABELS: Record<Theme, string> = { system: 'System', light: 'Light', sepia: 'Sepia', dark: 'Dark' };
const SPACING_LABELS: Record<Spacing, string> = { compact: 'Compact', normal: 'Normal', relaxed: 'Relaxed' };
const FONT_LABELS: Record<ReadingFont, string> = { serif: 'Serif', sans: 'Sans-serif' };

/** `saved`: the guide was read from this device's storage (not the network). */
export function SettingsView({ manifest, saved }: { manifest: ContentManifest; saved: boolean }) {
  const s = useStore(readerSettings);
  const install = useStore(installState);
  const status = useStore(contentStatus);
  const [report, setReport] = useState<StorageReport | null>(null);
  const refresh = () => void storageReport().then(setReport);
  useEffect(refresh, [status]);
  useEffect(() => {
    document.title = 'Settings · MLSD Pocket';
  }, []);

  return (
    <div class="screen narrow settings">
      <h1>Settings</h1>

      <section aria-labelledby="reading-h">
        <h2 id="reading-h">Reading</h2>
        <div class="setting">
          <span class="label" id="size-label">
            Text size
          </span>
          <div class="stepper" role="group" aria-labelledby="size-label">
            <button type="button" class="btn" disabled={s.fontStep === 0} onClick={() => updateSettings({ fontStep: s.fontStep - 1 })}>
              <span aria-hidden="true">A−</span>
              <span class="sr-only">Smaller text</span>
            </button>
            <output aria-live="polite" aria-label="Text size">
              {FONT_SIZES[s.fontStep]} px
            </output>
            <button
              type="button"
              class="btn"
              disabled={s.fontStep === FONT_SIZES.length - 1}
              onClick={() => updateSettings({ fontStep: s.fontStep + 1 })}
            >
              <span aria-hidden="true">A+</span>
              <span class="sr-only">Larger text</span>
            </button>
          </div>
        </div>
        <ChoiceGroup legend="Line spacing" name="spacing" labels={SPACING_LABELS} value={s.spacing} onChange={(spacing) => updateSettings({ spacing })} />
        <ChoiceGroup legend="Reading font" name="font" labels={FONT_LABELS} value={s.font} onChange={(font) => updateSettings({ font })} />
        <ChoiceGroup legend="Theme" name="theme" labels={THEME_LABELS} value={s.theme} onChange={(theme) => updateSettings({ theme })} />
        <p class="sample prose">
          A sample paragraph in your reading settings: retrieval casts a wide net, ranking is the sharp knife, and re-ranking adds the final polish.
        </p>
      </section>

      <StudySettings />

      <section aria-labelledby="offline-h">
        <h2 id="offline-h">Offline and storage</h2>
        <dl class="facts">
          <dt>Guide</dt>
          <dd>{guideFact(manifest, saved)}</dd>
          <dt>Storage used</dt>
          <dd>
            {formatBytes(report?.usage ?? null)} of {formatBytes(report?.quota ?? null)} available
          </dd>
          <dt>Persistent storage</dt>
          <dd>
            {report?.persisted === true
              ? 'Granted — the browser will not clear your guide and notes to free space'
              : report?.persisted === false
                ? 'Not granted — the browser may clear data under storage pressure; installing the app usually grants it'
                : 'Unknown in this browser'}
          </dd>
        </dl>
        {report?.persisted === false && (
          <button type="button" class="btn" onClick={() => void askPersistence().then(refresh)}>
            Ask to keep data
          </button>
        )}
        {isWebKitBrowser() && install !== 'installed' && (
          <p class="notice warn">
            In Safari (and every browser on iPhone and iPad), a website’s saved data is deleted after 7 days of browsing in which you did not open it —
            your highlights, notes and reviews included, and the second copy this app keeps with them. Add MLSD Pocket to your Home Screen (see Install
            below) to keep them, and export a backup now and then.
          </p>
        )}
      </section>

      <section aria-labelledby="notes-h">
        <h2 id="notes-h">Your highlights and notes</h2>
        <p>
          They live on this device (and on your sync server, if you turn Sync on below). Export a JSON backup now and then; Import brings one back
          (nothing is duplicated). Send to another device moves everything to your phone or tablet.
        </p>
        <BackupPanel manifest={manifest} />
      </section>

      <section aria-labelledby="sync-h">
        <h2 id="sync-h">Sync</h2>
        <SyncPanel />
      </section>

      <section aria-labelledby="install-h">
        <h2 id="install-h">Install</h2>
        {install === 'installed' && <p>MLSD Pocket is installed on this device.</p>}
        {install === 'available' && (
          <>
            <p>Install MLSD Pocket to open it from your home screen, full screen and offline.</p>
            <button type="button" class="btn primary" onClick={() => void promptInstall()}>
              Install
            </button>
          </>
        )}
        {install === 'ios' && (
          <div class="howto">
            <p>On iPhone and iPad, install from Safari:</p>
            <ol>
              <li>Tap the Share button.</li>
              <li>Choose “Add to Home Screen”, then “Add”.</li>
            </ol>
            <p>
              Installing matters on iOS: Safari deletes the saved data of a website you have not opened in 7 days of browsing, but an app on the Home
              Screen keeps the guide and your notes.
            </p>
          </div>
        )}
        {install === 'unsupported' && <p>Use your browser’s menu to install or add MLSD Pocket to your home screen.</p>}
      </section>
    </div>
  );
}
