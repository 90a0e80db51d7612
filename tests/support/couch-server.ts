import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from './free-port.ts';

const BIN = resolve(import.meta.dirname, '../../node_modules/pouchdb-server/bin/pouchdb-server');

export interface CouchServer {
  /** http://127.0.0.1:PORT */
  url: string;
  port: number;
  /** Makes a database that `user` (a server admin here) can read and write. */
  createDb(name: string): Promise<void>;
  stop(): Promise<void>;
  /** The server goes away (the process ends), as a home server does; `restart` brings it back. */
  halt(): Promise<void>;
  /** Starts the server again on the same port (in memory: it comes back empty). */
  restart(): Promise<void>;
}


async function waitUp(url: string, ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`pouchdb-server did not start at ${url}`);
}

/**
 * A CouchDB-protocol server (pouchdb-server 4.2, in memory) on 127.0.0.1, with one admin user,
 * in a fresh folder (its config file lives there). Stopped by the test.
 */
export async function startCouch(user: { name: string; password: string }): Promise<CouchServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dir = mkdtempSync(join(tmpdir(), 'mlsd-couch-'));
  let proc: ChildProcess | null = null;
  const auth = `Basic ${Buffer.from(`${user.name}:${user.password}`).toString('base64')}`;
  const boot = async (first: boolean) => {
    proc = spawn(process.execPath, [BIN, '--in-memory', '--port', String(port), '--host', '127.0.0.1', '--config', join(dir, 'config.json')], {
      cwd: dir,
      stdio: 'ignore',
    });
    await waitUp(url);
    if (first) {
      const r = await fetch(`${url}/_config/admins/${user.name}`, { method: 'PUT', body: JSON.stringify(user.password) });
      if (!r.ok) throw new Error(`could not create the admin user: ${r.status}`);
    }
  };
  await boot(true);
  const stopProc = async () => {
    const p = proc as ChildProcess | null;
    if (!p || p.exitCode !== null) return;
    await new Promise<void>((done) => {
      p.once('exit', () => done());
      p.kill('SIGTERM');
    });
    proc = null;
  };
  const server: CouchServer = {
    url,
    port,
    async createDb(name) {
      const r = await fetch(`${url}/${name}`, { method: 'PUT', headers: { Authorization: auth } });
      if (!r.ok && r.status !== 412) throw new Error(`could not create ${name}: ${r.status}`);
    },
    async stop() {
      await stopProc();
      rmSync(dir, { recursive: true, force: true });
    },
    halt: stopProc,
    async restart() {
      await stopProc();
      await boot(false);
    },
  };
  return server;
}
