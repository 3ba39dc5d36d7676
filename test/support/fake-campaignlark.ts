/**
 * A stand-in CampaignLark on 127.0.0.1 for live-mode tests: it checks the Bearer key and, unless
 * a test injects a fault, answers with the sandbox handler, so every page works as it would
 * against the real API.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../server/app.ts';
import { openStore } from '../../server/sandbox/store.ts';

export const FAKE_KEY = 'cl_live_fake_key_5f2b9c';

export interface FakeRequest {
  method: string;
  path: string;
  authorization: string | undefined;
}

/** Answers a request itself (a fault), or returns undefined to let the sandbox answer. */
export type Fault = (
  request: FakeRequest,
) => { status: number; headers?: Record<string, string>; body: string; delayMs?: number } | undefined;

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((done) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => done(Buffer.concat(chunks)));
  });
}

export async function startFakeCampaignLark() {
  const sandbox = createApp({
    backend: { mode: 'sandbox', store: openStore(':memory:'), requestsPerSecond: 100_000 },
    hostNames: new Set(['localhost']),
    log: () => {},
  });
  const received: FakeRequest[] = [];
  let faults: Fault[] = [];

  const server = createServer(async (request, response) => {
    const body = await readBody(request);
    const path = (request.url ?? '/').replace(/^\/v1/, '');
    const seen = {
      method: request.method ?? 'GET',
      path: path.split('?')[0]!,
      authorization: request.headers.authorization,
    };
    received.push(seen);
    if (seen.authorization !== `Bearer ${FAKE_KEY}`) {
      response
        .writeHead(401, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: { message: 'The API key you provided is invalid or has been revoked.' } }));
      return;
    }
    for (const fault of faults) {
      const answer = fault(seen);
      if (answer) {
        if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
        if (!response.destroyed)
          response.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers }).end(answer.body);
        return;
      }
    }
    const forwarded = await sandbox.request(`http://localhost/v1${path}`, {
      method: seen.method,
      headers: { 'content-type': 'application/json' },
      body: seen.method === 'GET' || seen.method === 'HEAD' ? undefined : body.toString('utf8'),
    });
    response
      .writeHead(forwarded.status, Object.fromEntries(forwarded.headers))
      .end(Buffer.from(await forwarded.arrayBuffer()));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;

  return {
    apiUrl: `http://127.0.0.1:${port}/v1`,
    received,
    /** Faults are tried in order before the sandbox; `clear` lifts them all. */
    inject: (fault: Fault) => faults.push(fault),
    clear: () => {
      faults = [];
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
