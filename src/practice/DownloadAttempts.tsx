import { download, stamp } from '../notebook/download.ts';
import { attemptsToMarkdown } from './export-markdown.ts';
import type { PracticeAttempt } from './types.ts';

/** Saves attempts as a Markdown file (answers as typed, time per step, score, what was missed). */
export function DownloadAttempts({ attempts, label }: { attempts: readonly PracticeAttempt[]; label: string }) {
  return (
    <button
      type="button"
      class="btn"
      disabled={attempts.length === 0}
      onClick={() => download(`mlsd-pocket-interviews-${stamp()}.md`, attemptsToMarkdown(attempts, Date.now()), 'text/markdown')}
    >
      {label}
    </button>
  );
}
