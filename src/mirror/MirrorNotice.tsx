import { useEffect, useState } from 'preact/hooks';
import { guide, NO_GUIDE } from '../app/guide.ts';
import { formatDateTime } from '../ui/dates.ts';
import { useStore } from '../ui/store.ts';
import { lastBackupFiles, lastBackupInfo, type LastBackup } from './last-backup.ts';
import { mirrorNotice, type MirrorNotice as Notice } from './mirror.ts';
import { formatCount } from '../ui/numbers.ts';
import './mirror.css';

const NOUNS: Record<string, [string, string]> = {
  annotations: ['highlight or note', 'highlights and notes'],
  progress: ['reading position', 'reading positions'],
  positions: ['reading position', 'reading positions'],
  cards: ['card', 'cards'],
  reviews: ['review', 'reviews'],
  attempts: ['practice attempt', 'practice attempts'],
  studySettings: ['study setting', 'study settings'],
};

/** "3 highlights and notes, 1 reading position" (kinds with none left out). */
function countList(counts: Record<string, number>): string[] {
  return Object.entries(counts)
    .filter(([, c]) => c > 0)
    .map(([store, c]) => `${formatCount(c)} ${(NOUNS[store] ?? [store, store])[c === 1 ? 0 : 1]}`);
}

function restoredList(n: Extract<Notice, { kind: 'restored' }>): string {
  const parts = countList(n.counts);
  if (n.settings > 0) parts.push('your reading settings');
  return parts.length ? `${parts.join(', ')}.` : 'nothing was missing.';
}

const WHY: Record<Extract<Notice, { kind: 'restored' }>['reason'], string> = {
  'data-loss': 'The browser lost MLSD Pocket\'s database on this device (this can happen when the disk fills up).',
  emptied: 'MLSD Pocket\'s database on this device was found empty.',
  behind: 'Part of MLSD Pocket\'s database on this device was found empty.',
};

/** Offers the copy of the last exported backup kept on this device: its date, what it holds, one tap to import it. */
function LastBackupOffer() {
  const [last, setLast] = useState<LastBackup | null>(null);
  const [state, setState] = useState<{ busy: boolean; result: { ok: boolean; message: string } | null }>({ busy: false, result: null });
  useEffect(() => {
    void lastBackupInfo().then(setLast);
  }, []);
  if (!last) return <p>If anything is still missing, import your last exported backup in the Notebook (Import).</p>;
  const importLast = async () => {
    setState({ busy: true, result: null });
    const files = await lastBackupFiles();
    const { importBackupTexts } = await import('../notebook/backup-actions.ts');
    const result = files
      ? await importBackupTexts(files, guide.get().manifest ?? NO_GUIDE).catch(() => ({ ok: false, message: 'The backup could not be imported. Nothing was changed.' }))
      : { ok: false, message: 'The copy of your last backup could not be read from this device. Import a backup file in the Notebook instead.' };
    setState({ busy: false, result });
  };
  if (state.result) return <p class={state.result.ok ? '' : 'mirror-problem'}>{state.result.message}</p>;
  return (
    <>
      <p>
        Your last exported backup is on this device too ({formatDateTime(last.exportedAt, { now: Date.now() })}: {countList(last.counts).join(', ') || 'empty'}). Importing
        it adds what it holds that is still missing; nothing is duplicated.
      </p>
      <button type="button" class="btn primary" disabled={state.busy} onClick={() => void importLast()}>
        {state.busy ? 'Importing…' : 'Import last backup'}
      </button>
    </>
  );
}

/**
 * Tells the user what the second copy put back (or that it could not), and offers the last
 * exported backup, until dismissed. It sits in the page's flow at the top, above the screen, so
 * it never covers the screen's own controls (a fixed sheet hid the Review screen's grades).
 */
export function MirrorNotice() {
  const notice = useStore(mirrorNotice);
  if (!notice) return null;
  const dismiss = (
    <button type="button" class="btn" onClick={() => mirrorNotice.set(null)}>
      Dismiss
    </button>
  );
  return (
    <div class="mirror-slot" role="status">
      {notice.kind === 'lost' ? (
        <div class="status-card warn mirror-notice">
          <p>
            <strong>MLSD Pocket's data on this device was lost</strong>, and its second copy is gone too.
          </p>
          <LastBackupOffer />
          {dismiss}
        </div>
      ) : (
        <div class="status-card ok mirror-notice">
          <p>
            <strong>Your highlights and notes were restored</strong>. {WHY[notice.reason]} From the copy kept beside it, MLSD Pocket put
            back: {restoredList(notice)}
          </p>
          <LastBackupOffer />
          {dismiss}
        </div>
      )}
    </div>
  );
}
