import { useStore } from '../ui/store.ts';
import { mirrorNotice, type MirrorNotice as Notice } from './mirror.ts';
import './mirror.css';

const NOUNS: Record<string, [string, string]> = {
  annotations: ['highlight or note', 'highlights and notes'],
  progress: ['reading position', 'reading positions'],
  cards: ['card', 'cards'],
  reviews: ['review', 'reviews'],
  attempts: ['practice attempt', 'practice attempts'],
};

function restoredList(n: Extract<Notice, { kind: 'restored' }>): string {
  const parts = Object.entries(n.counts)
    .filter(([, c]) => c > 0)
    .map(([store, c]) => `${c.toLocaleString('en-US')} ${(NOUNS[store] ?? [store, store])[c === 1 ? 0 : 1]}`);
  if (n.settings > 0) parts.push('your reading settings');
  return parts.length ? `${parts.join(', ')}.` : 'nothing was missing.';
}

const WHY: Record<Extract<Notice, { kind: 'restored' }>['reason'], string> = {
  'data-loss': 'The browser lost MLSD Pocket\'s database on this device (this can happen when the disk fills up).',
  emptied: 'MLSD Pocket\'s database on this device was found empty.',
  behind: 'Part of MLSD Pocket\'s database on this device was found empty.',
};

/** Tells the user what the second copy put back (or that it could not), until dismissed. */
export function MirrorNotice() {
  const notice = useStore(mirrorNotice);
  if (!notice) return null;
  const dismiss = (
    <button type="button" class="btn" onClick={() => mirrorNotice.set(null)}>
      Dismiss
    </button>
  );
  if (notice.kind === 'lost') {
    return (
      <div class="status-card warn mirror-notice">
        <p>
          <strong>MLSD Pocket's data on this device was lost</strong>, and its second copy is gone too. If you exported a backup,
          import it in the Notebook (Import backup).
        </p>
        {dismiss}
      </div>
    );
  }
  return (
    <div class="status-card ok mirror-notice">
      <p>
        <strong>Your highlights and notes were restored</strong>. {WHY[notice.reason]} From the copy kept beside it, MLSD Pocket put
        back: {restoredList(notice)}
      </p>
      <p>If anything is still missing, import your last exported backup in the Notebook (Import backup).</p>
      {dismiss}
    </div>
  );
}
