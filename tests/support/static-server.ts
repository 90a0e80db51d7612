import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/**
 * Serves a built app the way a static host does (SPA fallback to index.html), records every
 * request, and can drop off the network entirely (every connection is reset) for offline tests.
 */
export interface TestServer {
  url: string;
  requests: string[];
  setRoot(dir: string): void;
  setOffline(offline: boolean): void;
  close(): Promise<void>;
}

export async function startStaticServer(root: string): Promise<TestServer> {
  let dir = root;
  let offline = false;
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    if (offline) {
      req.socket.destroy();
      return;
    }
    const path = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
    requests.push(path);
    let file = normalize(join(dir, path));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    if (!existsSync(file) || statSync(file).isDirectory()) {
      if (path.startsWith('/content/') || extname(path)) {
        res.writeHead(404).end('not found');
        return;
      }
      file = join(dir, 'index.html');
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const headers: Record<string, string> = { 'content-type': type };
    if (path === '/sw.js' || path.endsWith('.html') || path === '/' || !extname(path)) headers['cache-control'] = 'no-cache';
    res.writeHead(200, headers);
    createReadStream(file).pipe(res);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    if (offline) s.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    setRoot: (d) => (dir = d),
    setOffline(value) {
      offline = value;
      if (value) sockets.forEach((s) => s.destroy());
    },
    close: () =>
      new Promise<void>((resolve) => {
        sockets.forEach((s) => s.destroy());
        server.close(() => resolve());
      }),
  };
}
