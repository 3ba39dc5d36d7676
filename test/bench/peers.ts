/**
 * The peer pages (rjsf, the plain DOM floor and bare React, the stack's floor), built for production like the app, and served
 * from their own origin with /v1 forwarded to the Lark server, so they read the same workspace.
 */
import { createReadStream, existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

const PEERS_ROOT = join(import.meta.dirname, 'peers');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

export async function buildPeers(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'lark-bench-peers-'));
  await build({
    root: PEERS_ROOT,
    configFile: false,
    logLevel: 'warn',
    plugins: [react()],
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2023',
      rolldownOptions: { input: { rjsf: join(PEERS_ROOT, 'rjsf/index.html'), plain: join(PEERS_ROOT, 'plain/index.html'), react: join(PEERS_ROOT, 'react/index.html') } },
    },
  });
  return outDir;
}

export interface PeerServer {
  url: string;
  close: () => Promise<void>;
}

export async function servePeers(builtDir: string, apiUrl: () => string): Promise<PeerServer> {
  const server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://peer').pathname;
    if (path.startsWith('/v1/')) {
      const answer = await fetch(`${apiUrl()}${request.url}`);
      response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
      response.end(Buffer.from(await answer.arrayBuffer()));
      return;
    }
    const file = join(builtDir, normalize(path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(builtDir) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
