import { useState } from 'preact/hooks';
import type { ContentManifest } from '../shared/content-types.ts';
import { exportAll, importBackup, sendToDevice, type BackupText, type ExportFormat } from './backup-actions.ts';
import { download } from './download.ts';
import { itemsLabel } from './count-label.ts';
import { importProblem } from './import-problem.ts';
import { useBackupStatus } from './use-backup-status.ts';
import './backup-panel.css';
import { formatDay } from '../ui/dates.ts';

/** A storage failure's own sentence, or a plain one: never a raw browser error. */
const exportProblem = (err: unknown): string =>
  err && typeof err === 'object' && 'kind' in err && err instanceof Error ? err.message : 'reading what you made from this device’s storage failed. Try again.';

/** Export (Markdown, JSON backup, CSV), Send to another device, Import, the last backup date and the reminder. */
export function BackupPanel({ manifest }: { manifest: ContentManifest }) {
  const { count, info, due, refresh } = useBackupStatus();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  // The parts after the first of a backup too large for one file, each saved with its own tap.
  const [more, setMore] = useState<{ parts: { index: number; file: BackupText }[]; of: number } | null>(null);
  const keep = (rest: BackupText[]) => setMore(rest.length ? { parts: rest.map((file, i) => ({ index: i + 2, file })), of: rest.length + 1 } : null);
  const run = async (format: ExportFormat) => {
    try {
      const r = await exportAll(format, manifest);
      keep(r.more);
      setMessage({
        ok: true,
        text: r.more.length
          ? `Exported ${itemsLabel(r.count)}. That is more than one backup file can hold, so the backup is in ${r.more.length + 1} files; part 1 is saved. Save the others too, and keep all of them: each imports on its own, and together they hold everything.`
          : `Exported ${itemsLabel(r.count)}.`,
      });
      refresh();
    } catch (err) {
      setMessage({ ok: false, text: `The export could not be made: ${exportProblem(err)}` });
    }
  };
  const send = async () => {
    try {
      const { how, more: rest } = await sendToDevice(manifest);
      keep(rest);
      if (how !== 'cancelled') {
        setMessage({
          ok: true,
          text:
            how === 'shared'
              ? 'Sent. On the other device, open Settings or the Notebook and choose Import.'
              : rest.length
                ? `Saved part 1 of ${rest.length + 1} as a file; save the others too. On the other device, choose Import and pick all of them.`
                : 'Saved as a file. Open it on the other device with Import (Settings or the Notebook).',
        });
      }
      refresh();
    } catch (err) {
      setMessage({ ok: false, text: `Nothing was sent: ${exportProblem(err)}` });
    }
  };
  const onFile = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    if (files.length === 0) return;
    try {
      const r = await importBackup(files, manifest);
      setMessage({ ok: r.ok, text: r.message });
    } catch (err) {
      // What importBackup does not answer itself stops it before anything is written.
      setMessage({ ok: false, text: `Nothing was imported: ${importProblem(err)}` });
    }
    refresh();
  };

  return (
    <section class="backup" aria-labelledby="backup-h">
      <h2 id="backup-h" class="sr-only">
        Backup
      </h2>
      {due && <p class="notice warn">It is time to back up: export a JSON backup and keep it somewhere safe (Files, a drive, email to yourself).</p>}
      <p class="meta">
        {count === null ? 'Counting highlights and notes…' : itemsLabel(count)} · Last backup: {info?.lastBackupAt ? formatDay(info.lastBackupAt, { now: Date.now() }) : 'never'}
      </p>
      <div class="backup-actions" role="group" aria-label="Export">
        <button type="button" class="btn" onClick={() => void run('json')}>
          Export backup (JSON)
        </button>
        <button type="button" class="btn" onClick={() => void run('markdown')}>
          Export Markdown
        </button>
        <button type="button" class="btn" onClick={() => void run('csv')}>
          Export CSV
        </button>
        <button type="button" class="btn" onClick={() => void send()}>
          Send to another device
        </button>
        <label class="btn file-btn">
          Import
          <input type="file" multiple accept=".json,.txt,application/json,text/plain" class="sr-only" onChange={(e) => void onFile(e)} />
        </label>
      </div>
      {more && (
        <div class="backup-actions" role="group" aria-label="Backup parts still to save">
          {more.parts.map(({ index, file }) => (
            <button
              key={file.name}
              type="button"
              class="btn"
              onClick={() => {
                download(file.name, file.text, file.name.endsWith('.json') ? 'application/json' : 'text/plain');
                const left = more.parts.filter((p) => p.index !== index);
                setMore(left.length ? { ...more, parts: left } : null);
              }}
            >
              Save part {index} of {more.of}
            </button>
          ))}
        </div>
      )}
      {message && (
        <p class={message.ok ? 'notice ok' : 'notice warn'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
