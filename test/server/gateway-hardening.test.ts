/** What an attacker and a broken network found in the gateway, each held to its fix. */
import { serve } from '@hono/node-server';
import { Agent, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { ConfigError, readConfig } from '../../server/config.ts';
import { openStore } from '../../server/sandbox/store.ts';
import { startStubUpstream } from '../support/stub-upstream.ts';
import { sandbox } from './sandbox-client.ts';

const KEY = 'cl_live_9f8e7d6c5b4a';
let upstream: Awaited<ReturnType<typeof startStubUpstream>>;
let logs: string[];

beforeAll(async () => {
  upstream = await startStubUpstream();
});
afterAll(() => upstream.close());
beforeEach(() => {
  upstream.received.length = 0;
  logs = [];
  upstream.answer((_, response) => response.writeHead(200, { 'content-type': 'application/json' }).end('{"data":[]}'));
});

const live = (extra: { adminPassword?: string; trustProxy?: boolean } = {}) =>
  createApp({
    backend: { mode: 'live', apiUrl: upstream.apiUrl, apiKey: KEY },
    hostNames: new Set(['localhost']),
    log: (line) => logs.push(line),
    ...extra,
  });

async function call(
  app: ReturnType<typeof live>,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
) {
  const init: RequestInit = {
    method,
    headers:
      body === undefined
        ? headers
        : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...headers },
  };
  if (body !== undefined) init.body = body;
  const response = await app.request(`http://localhost${path}`, init);
  return { status: response.status, headers: response.headers, text: await response.text() };
}

describe('1. path parameters have their route’s shape before anything is forwarded', () => {
  it('answers an encoded slash, a dot path or a malformed id with 404 in the envelope, and forwards nothing', async () => {
    for (const [method, path] of [
      ['DELETE', '/v1/tags/..%2F..%2Fadmin%2Fkeys'],
      ['PATCH', '/v1/fields/4%2F..%2F..%2Fadmin'],
      ['DELETE', '/v1/fields/0'],
      ['DELETE', '/v1/fields/-4'],
      ['PATCH', '/v1/tags/2.5'],
      ['PUT', '/v1/contacts/..%2F..%2Fadmin%2Fkeys'],
      ['POST', '/v1/contacts/64f1a2b3c4d5e6f7a8b9c0d1%2F..%2Fx/tags/add'],
      ['POST', '/v1/contacts/64f1a2b3c4d5e6f7a8b9c0dz/tags/remove'],
    ] as const) {
      const answer = await call(live(), method, path, {}, method === 'DELETE' ? undefined : '{}');
      expect(answer.status, path).toBe(404);
      expect(JSON.parse(answer.text).error.message, path).toMatch(/^There is no /);
    }
    expect(upstream.received).toEqual([]);
  });

  it('builds the forwarded URL only from the route, the valid id and the query parameters the route takes', async () => {
    await call(live(), 'GET', '/v1/tags?page=2&limit=10&callback=..%2Fadmin');
    await call(live(), 'GET', '/v1/contacts/by-email?email=a%40b.co&email_address=x');
    await call(live(), 'DELETE', '/v1/fields/12?x=1');
    expect(upstream.received.map((request) => `${request.method} ${request.url}`)).toEqual([
      'GET /v1/tags?page=2&limit=10',
      'GET /v1/contacts/by-email?email=a%40b.co',
      'DELETE /v1/fields/12',
    ]);
  });

  it('holds the sandbox to the same table', async () => {
    const api = sandbox();
    expect((await api.del('/v1/tags/..%2F1')).status).toBe(404);
    expect((await api.del('/v1/tags/2')).status).toBe(200);
  });
});

describe('2. a refused body does not break the next request on the same connection', () => {
  it('answers 413 with Connection: close, so a client that reuses connections opens a new one', async () => {
    const app = createApp({
      backend: { mode: 'sandbox', store: openStore(':memory:') },
      hostNames: new Set(['127.0.0.1']),
      log: () => {},
    });
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((done) => server.once('listening', done));
    const { port } = server.address() as AddressInfo;
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const send = (method: string, path: string, body?: Buffer) =>
      new Promise<{ status: number; connection: string | undefined }>((done, fail) => {
        const headers: Record<string, string> = body
          ? { 'content-type': 'application/json', 'content-length': String(body.length) }
          : {};
        const req = httpRequest({ host: '127.0.0.1', port, method, path, agent, headers }, (response) => {
          response.resume();
          response.on('end', () => done({ status: response.statusCode!, connection: response.headers.connection }));
        });
        req.on('error', fail);
        req.end(body);
      });
    try {
      const big = await send('POST', '/v1/tags', Buffer.alloc(2 * 1024 * 1024, 'a'));
      expect(big).toEqual({ status: 413, connection: 'close' });
      expect((await send('GET', '/v1/fields')).status).toBe(200);
    } finally {
      agent.destroy();
      server.close();
    }
  });
});

describe('3. password guessing is limited per address', () => {
  const PASSWORD = 'correct horse battery';
  const basic = (password: string) => ({ authorization: `Basic ${btoa(`admin:${password}`)}` });

  it('after 10 failures in a minute answers 429 with Retry-After, even to the right password, and logs each failure with the address', async () => {
    const app = live({ adminPassword: PASSWORD, trustProxy: true });
    const from = (address: string) => ({ 'x-forwarded-for': `198.51.100.1, ${address}` });
    for (let guess = 0; guess < 10; guess++) {
      expect(
        (await call(app, 'GET', '/api/status', { ...basic(`guess${guess}`), ...from('203.0.113.9') })).status,
      ).toBe(401);
    }
    const locked = await call(app, 'GET', '/api/status', { ...basic(PASSWORD), ...from('203.0.113.9') });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(locked.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    // Another address is not held back by someone else's guesses.
    expect((await call(app, 'GET', '/api/status', { ...basic(PASSWORD), ...from('203.0.113.10') })).status).toBe(200);
    expect(logs.filter((line) => line === 'login failed from 203.0.113.9')).toHaveLength(10);
  });

  it('counts from the connection, never from X-Forwarded-For, unless TRUST_PROXY says a proxy is in front', async () => {
    const app = live({ adminPassword: PASSWORD });
    for (let guess = 0; guess < 10; guess++) {
      await call(app, 'GET', '/api/status', { ...basic(`guess${guess}`), 'x-forwarded-for': `198.51.100.${guess}` });
    }
    expect(
      (await call(app, 'GET', '/api/status', { ...basic(PASSWORD), 'x-forwarded-for': '198.51.100.99' })).status,
    ).toBe(429);
  });

  it('counts an IPv6 /64 as one guesser, and all guessers together at most 100 a minute', async () => {
    const app = live({ adminPassword: PASSWORD, trustProxy: true });
    const guess = (address: string) =>
      call(app, 'GET', '/api/status', { ...basic('wrong guess'), 'x-forwarded-for': address });
    for (let n = 1; n <= 10; n++) expect((await guess(`2001:db8:1:2::${n.toString(16)}`)).status).toBe(401);
    expect((await guess('2001:db8:1:2:ffff::1')).status).toBe(429);
    expect((await guess('2001:db8:1:3::1')).status).toBe(401);
    for (let n = 0; n < 89; n++) await guess(`198.51.100.${n}`);
    const everyone = await call(app, 'GET', '/api/status', { ...basic(PASSWORD), 'x-forwarded-for': '192.0.2.1' });
    expect(everyone.status).toBe(429);
  });

  it('clears an address’s failures when the right password comes', async () => {
    const app = live({ adminPassword: PASSWORD });
    for (let round = 0; round < 3; round++) {
      for (let guess = 0; guess < 9; guess++)
        expect((await call(app, 'GET', '/api/status', basic('typo'))).status).toBe(401);
      expect((await call(app, 'GET', '/api/status', basic(PASSWORD))).status).toBe(200);
    }
  });

  it('does not count a browser asking without a password as a guess', async () => {
    const app = live({ adminPassword: PASSWORD });
    for (let ask = 0; ask < 12; ask++) expect((await call(app, 'GET', '/')).status).toBe(401);
    expect((await call(app, 'GET', '/api/status', basic(PASSWORD))).status).toBe(200);
  });

  it('refuses to start with a password shorter than 12 characters', () => {
    expect(() => readConfig({ ADMIN_PASSWORD: 'hunter2hunt' })).toThrow(
      new ConfigError('ADMIN_PASSWORD must be at least 12 characters long; a long passphrase is best.'),
    );
    expect(readConfig({ ADMIN_PASSWORD: 'hunter2hunte' }).adminPassword).toBe('hunter2hunte');
  });
});

describe('5. another site cannot make a signed-in browser use the key', () => {
  it('refuses reads and writes a browser marks as from another site or origin, before forwarding', async () => {
    const marks: Record<string, string>[] = [
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
      { origin: 'https://evil.example' },
      { origin: 'null' },
    ];
    for (const headers of marks) {
      for (const path of ['/v1/fields', '/v1/contacts/by-email?email=a%40b.co', '/api/status']) {
        const answer = await call(live(), 'GET', path, headers);
        expect(answer.status, `${path} ${JSON.stringify(headers)}`).toBe(403);
        expect(JSON.parse(answer.text).error.message).toMatch(/answers only its own pages/);
      }
    }
    expect(upstream.received).toEqual([]);
  });

  it('lets its own pages, a typed address and scripts without those marks through', async () => {
    const own: Record<string, string>[] = [
      {},
      { 'sec-fetch-site': 'same-origin', origin: 'http://localhost' },
      { 'sec-fetch-site': 'none' },
    ];
    for (const headers of own) {
      expect((await call(live(), 'GET', '/v1/fields', headers)).status).toBe(200);
    }
    expect(upstream.received).toHaveLength(3);
  });
});

describe('6. CampaignLark’s answers are checked before they are passed on', () => {
  it('refuses an answer over 10 MB after decompression with 502', async () => {
    const bomb = gzipSync(Buffer.alloc(11 * 1024 * 1024, ' '));
    expect(bomb.length).toBeLessThan(100_000);
    upstream.answer((_, response) =>
      response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }).end(bomb),
    );
    const answer = await call(live(), 'GET', '/v1/fields');
    expect(answer.status).toBe(502);
    expect(JSON.parse(answer.text)).toEqual({ error: { message: "CampaignLark's answer was too large." } });
  });

  it('passes only JSON: an HTML page becomes a 502 with a clear message, never HTML from this origin', async () => {
    upstream.answer((_, response) =>
      response.writeHead(200, { 'content-type': 'text/html' }).end('<script>alert(1)</script>'),
    );
    const answer = await call(live(), 'GET', '/v1/fields');
    expect(answer.status).toBe(502);
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    expect(JSON.parse(answer.text).error.message).toBe(
      'CampaignLark answered with something other than JSON (HTTP 200, text/html), so it was not passed on.',
    );
  });

  it('never repeats a content type that could carry the key, and refuses JSON that does not parse', async () => {
    upstream.answer((_, response) =>
      response.writeHead(401, { 'content-type': `text/plain; key=${KEY}` }).end(`key ${KEY}`),
    );
    const plain = await call(live(), 'GET', '/v1/fields');
    expect(plain.status).toBe(502);
    expect(JSON.parse(plain.text).error.message).toBe(
      'CampaignLark answered with something other than JSON (HTTP 401, text/plain), so it was not passed on.',
    );
    upstream.answer((_, response) =>
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"data": [1, 2'),
    );
    expect((await call(live(), 'GET', '/v1/fields')).status).toBe(502);
    expect(logs.join('\n')).not.toContain(KEY);
  });

  it('answers 502 for a status no answer has', async () => {
    upstream.answer((_, response) => response.writeHead(600, { 'content-type': 'application/json' }).end('{}'));
    const answer = await call(live(), 'GET', '/v1/fields');
    expect(answer.status).toBe(502);
    expect(JSON.parse(answer.text).error.message).toBe('CampaignLark answered with HTTP 600, which no API answer has.');
  });

  it('passes an empty 204 through as a 204', async () => {
    upstream.answer((_, response) => response.writeHead(204).end());
    const answer = await call(live(), 'DELETE', '/v1/tags/3');
    expect(answer).toMatchObject({ status: 204, text: '' });
  });

  it('strips the key from an answer that echoes it, however the JSON spells it', async () => {
    const escaped = KEY.replace('_', '\\u005f');
    upstream.answer((_, response) =>
      response
        .writeHead(401, { 'content-type': 'application/json', 'retry-after': KEY })
        .end(`{"error": {"message": "The key ${KEY} is revoked.", "detail": "${escaped}", "${escaped}": 1}}`),
    );
    const answer = await call(live(), 'GET', '/v1/fields');
    expect(answer.text).not.toContain(KEY);
    expect(JSON.stringify(JSON.parse(answer.text))).not.toContain(KEY);
    expect(JSON.parse(answer.text)).toEqual({
      error: { message: 'The key [redacted] is revoked.', detail: '[redacted]', '[redacted]': 1 },
    });
    expect([...answer.headers.values()].join(' ')).not.toContain(KEY);
  });
});

describe('7. CAMPAIGNLARK_API_URL is the base address alone', () => {
  it.each([
    [
      'https://user:hunter2@api.campaignlark.com/v1',
      'CAMPAIGNLARK_API_URL must not carry a user name or password; the API key is all CampaignLark needs.',
    ],
    [
      'https://api.campaignlark.com/v1?debug=1',
      'CAMPAIGNLARK_API_URL must be the API\'s base address alone, without a query or fragment: not "https://api.campaignlark.com/v1?debug=1".',
    ],
    [
      'https://api.campaignlark.com/v1#x',
      'CAMPAIGNLARK_API_URL must be the API\'s base address alone, without a query or fragment: not "https://api.campaignlark.com/v1#x".',
    ],
    [
      'https://user:hunter2@api campaignlark',
      'CAMPAIGNLARK_API_URL must be a URL such as https://api.campaignlark.com/v1, not the value given (not shown: it holds an @).',
    ],
    [
      'https://admin:hunter2/x@api.campaignlark.com/v1',
      'CAMPAIGNLARK_API_URL must be a URL such as https://api.campaignlark.com/v1, not the value given (not shown: it holds an @).',
    ],
    [
      'https://u:hunter2@x@api.campaignlark.com/v1',
      'CAMPAIGNLARK_API_URL must not carry a user name or password; the API key is all CampaignLark needs.',
    ],
  ])('refuses %s, never printing its password', (url, message) => {
    expect(() => readConfig({ CAMPAIGNLARK_API_URL: url })).toThrow(new ConfigError(message));
    expect(message).not.toContain('hunter2');
  });
});

describe('8. a logged path cannot forge log lines', () => {
  it('escapes what a login failure logs too', async () => {
    const app = live({ adminPassword: 'correct horse battery', trustProxy: true });
    // A C1 control (CSI) is the most a header can smuggle: newlines never pass HTTP itself.
    await call(app, 'GET', '/api/status', {
      authorization: `Basic ${btoa('a:b')}`,
      'x-forwarded-for': '1.2.3.4\u009b31m',
    });
    expect(logs.join('\n')).not.toMatch(/\u009b/);
    expect(logs).toContain('login failed from 1.2.3.4\\u009b31m');
  });

  it('escapes direction overrides, which can make a line read backwards', async () => {
    await call(live(), 'GET', '/v1/fields%E2%80%AE');
    expect(logs[0]).not.toMatch(/\u202e/);
    expect(logs[0]).toContain('\\u202e');
  });

  it('writes newlines and terminal escapes in a path as escapes', async () => {
    await call(live(), 'GET', '/v1/fields%0A200%20GET%20/forged%1B%5B31m');
    expect(logs).toHaveLength(1);
    expect(logs[0]).not.toMatch(/[\n\r\u001b]/);
    expect(logs[0]).toContain('\\u000a');
    expect(logs[0]).toContain('\\u001b');
  });
});

describe('10. a DELETE with no body needs no Content-Type', () => {
  it('deletes without one, and still refuses a body that is not JSON', async () => {
    const api = sandbox();
    const created = await api.post('/v1/tags', { name: 'temporary' });
    const answer = await api.app.request(`http://localhost/v1/tags/${created.body.data.id}`, { method: 'DELETE' });
    expect(answer.status).toBe(200);
    const form = await api.app.request('http://localhost/v1/tags', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'content-length': '14' },
      body: '{"name":"x"}  ',
    });
    expect(form.status).toBe(415);
  });
});
