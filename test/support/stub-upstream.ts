/** A stand-in for CampaignLark on 127.0.0.1: records each request and answers as a test says. */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export type Responder = (request: Received, response: ServerResponse) => void;

export async function startStubUpstream() {
  const received: Received[] = [];
  let respond: Responder = (_, response) => {
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"data":[]}');
  };
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const record = { method: request.method!, url: request.url!, headers: request.headers, body };
      received.push(record);
      respond(record, response);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    apiUrl: `http://127.0.0.1:${port}/v1`,
    received,
    answer(next: Responder) {
      respond = next;
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
