import { useEffect, useState } from 'preact/hooks';
import { useStore } from '../ui/store.ts';
import { statusText } from './status-text.ts';
import { readSyncConfig } from './sync-settings.ts';
import { skippedDocs, syncState, turnOff, turnOn } from './sync-store.ts';
import './sync.css';

/** Settings → Sync: the user's own CouchDB server; nothing is sent anywhere until they turn it on. */
export function SyncPanel() {
  const state = useStore(syncState);
  const skipped = useStore(skippedDocs);
  const saved = readSyncConfig();
  const [server, setServer] = useState(saved?.server ?? '');
  const [username, setUsername] = useState(saved?.username ?? '');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(t);
  }, []);
  const on = state.kind !== 'off' && state.kind !== 'denied' && state.kind !== 'forbidden' && readSyncConfig() !== null;

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    const r = await turnOn({ server, username }, password);
    setBusy(false);
    setPassword('');
    if (!r.ok) setProblem(r.problem);
  };

  return (
    <div class="sync-panel">
      <p>
        Keep your phone and tablet in step through an Apache CouchDB server of your own (one command starts one; any CouchDB 3 host works).
        Only what you made is synced — highlights, notes, cards, reviews, practice attempts and reading positions — never the guide.
      </p>
      {!on ? (
        <form class="sync-form" onSubmit={(e) => void submit(e)}>
          <label>
            <span>Sync server</span>
            <input class="field" type="url" inputMode="url" autoComplete="url" placeholder="https://couch.example.org" value={server} onInput={(e) => setServer(e.currentTarget.value)} />
          </label>
          <label>
            <span>Username</span>
            <input class="field" type="text" autoComplete="username" autoCapitalize="off" spellcheck={false} value={username} onInput={(e) => setUsername(e.currentTarget.value)} />
          </label>
          <label>
            <span>Password</span>
            <input class="field" type="password" autoComplete="current-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
          </label>
          <button type="submit" class="btn primary" disabled={busy}>
            Turn on sync
          </button>
        </form>
      ) : (
        <>
          <p>
            Syncing with <strong>{saved?.server}</strong> as <strong>{saved?.username}</strong>.
          </p>
          <button type="button" class="btn" onClick={() => void turnOff()}>
            Turn off sync
          </button>
        </>
      )}
      {problem && (
        <p class="sync-problem" role="alert">
          {problem}
        </p>
      )}
      <p class="sync-status" role="status">
        {statusText(state, now)}
      </p>
      {skipped.length > 0 && (
        <details class="sync-skipped">
          <summary>
            {skipped.length === 1 ? '1 record from the server was not used' : `${skipped.length} records from the server were not used`}
          </summary>
          <ul>
            {skipped.map((s) => (
              <li key={s.id}>
                <code>{s.id}</code>: {s.problem}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
