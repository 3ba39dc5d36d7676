import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { startStubUpstream } from '../support/stub-upstream.ts';

const KEY = 'cl_live_9f8e7d6c5b4a';
let upstream: Awaited<ReturnType<typeof startStubUpstream>>;
let logs: string[];

function liveApp(apiUrl = upstream.apiUrl, timeoutMs = 20_000) {
  return createApp({
    backend: { mode: 'live', apiUrl, apiKey: KEY, timeoutMs },
    hostNames: new Set(['localhost']),
    log: (line) => logs.push(line),
  });
}

async function send(
  app: ReturnType<typeof liveApp>,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const init: RequestInit = { method, headers: { ...headers } };
  if (method !== 'GET') {
    init.body = JSON.stringify(body ?? {});
    init.headers = {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(init.body)),
      ...headers,
    };
  }
  const response = await app.request(`http://localhost${path}`, init);
  const text = await response.text();
  return { status: response.status, headers: response.headers, text };
}

beforeAll(async () => {
  upstream = await startStubUpstream();
});
afterAll(() => upstream.close());
beforeEach(() => {
  upstream.received.length = 0;
  logs = [];
  upstream.answer((_, response) => response.writeHead(200, { 'content-type': 'application/json' }).end('{"data":[]}'));
});

describe('live mode', () => {
  it('forwards a read with the key added and the query kept', async () => {
    const answer = await send(liveApp(), 'GET', '/v1/tags?page=2&limit=10');
    expect(answer).toMatchObject({ status: 200, text: '{"data":[]}' });
    expect(upstream.received).toHaveLength(1);
    expect(upstream.received[0]).toMatchObject({ method: 'GET', url: '/v1/tags?page=2&limit=10' });
    expect(upstream.received[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it("forwards a write with its body, but never the browser's own credentials", async () => {
    const field = { label: 'Shoe size', merge_tag: 'shoe_size', type: 'NUMBER' };
    await send(liveApp(), 'POST', '/v1/fields', field, {
      authorization: 'Basic YWRtaW46cGFzcw==',
      cookie: 'session=abc',
      origin: 'http://localhost',
      'x-forwarded-for': '10.0.0.1',
    });
    const [request] = upstream.received;
    expect(request!.url).toBe('/v1/fields');
    expect(JSON.parse(request!.body)).toEqual(field);
    expect(request!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(request!.headers.cookie).toBeUndefined();
    expect(request!.headers.origin).toBeUndefined();
    expect(request!.headers['x-forwarded-for']).toBeUndefined();
    expect(request!.headers['content-type']).toBe('application/json');
  });

  it('forwards every contract route to the same path', async () => {
    const id = '64f1a2b3c4d5e6f7a8b9c0d1';
    const routes = [
      ['GET', '/v1/fields'],
      ['POST', '/v1/fields'],
      ['PATCH', '/v1/fields/4'],
      ['DELETE', '/v1/fields/4'],
      ['POST', '/v1/contacts'],
      ['PUT', `/v1/contacts/${id}`],
      ['POST', '/v1/contacts/upsert'],
      ['POST', '/v1/contacts/search'],
      ['GET', '/v1/contacts/by-email?email=a%40b.co'],
      ['POST', `/v1/contacts/${id}/tags/add`],
      ['POST', `/v1/contacts/${id}/tags/remove`],
      ['GET', '/v1/tags'],
      ['POST', '/v1/tags'],
      ['PATCH', '/v1/tags/2'],
      ['DELETE', '/v1/tags/2'],
    ] as const;
    for (const [method, path] of routes) await send(liveApp(), method, path);
    expect(upstream.received.map((request) => `${request.method} ${request.url}`)).toEqual(
      routes.map(([m, p]) => `${m} ${p}`),
    );
  });

  it("passes the API's errors through as they are", async () => {
    for (const [status, message] of [
      [400, 'Validation error'],
      [401, 'The API key you provided is invalid or has been revoked.'],
      [403, 'Your IP address is not authorized to use this API key.'],
      [404, 'We were unable to find the field.'],
      [500, 'Internal error'],
    ] as const) {
      upstream.answer((_, response) =>
        response
          .writeHead(status, { 'content-type': 'application/json', 'set-cookie': 'tracking=1' })
          .end(JSON.stringify({ error: { message } })),
      );
      const answer = await send(liveApp(), 'PATCH', '/v1/fields/4', {});
      expect(answer.status).toBe(status);
      expect(JSON.parse(answer.text)).toEqual({ error: { message } });
      expect(answer.headers.get('set-cookie')).toBeNull();
    }
  });

  it('passes 429 and Retry-After through', async () => {
    upstream.answer((_, response) => response.writeHead(429, { 'retry-after': '7' }).end());
    const answer = await send(liveApp(), 'GET', '/v1/fields');
    expect(answer.status).toBe(429);
    expect(answer.headers.get('retry-after')).toBe('7');
  });

  it('answers 504 in plain words when CampaignLark stays silent', async () => {
    upstream.answer(() => {});
    const answer = await send(liveApp(upstream.apiUrl, 300), 'GET', '/v1/fields');
    expect(answer.status).toBe(504);
    expect(JSON.parse(answer.text).error.message).toBe(
      'CampaignLark did not answer within 0.3 seconds. Nothing is known to have changed; try again.',
    );
  });

  it('answers 504 when CampaignLark stops half-way through its answer', async () => {
    upstream.answer((_, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"data":');
    });
    const answer = await send(liveApp(upstream.apiUrl, 300), 'GET', '/v1/fields');
    expect(answer.status).toBe(504);
  });

  it('answers 502 naming the cause when CampaignLark cannot be reached', async () => {
    const closed = await startStubUpstream();
    await closed.close();
    const answer = await send(liveApp(closed.apiUrl), 'GET', '/v1/fields');
    expect(answer.status).toBe(502);
    expect(JSON.parse(answer.text).error.message).toMatch(/^Lark Admin could not reach CampaignLark \(ECONNREFUSED\)/);
  });

  it('answers an unknown route itself, without asking CampaignLark', async () => {
    const answer = await send(liveApp(), 'GET', '/v1/segments');
    expect(answer.status).toBe(404);
    expect(JSON.parse(answer.text)).toEqual({
      error: { message: 'There is no GET /v1/segments in the CampaignLark API.' },
    });
    expect(upstream.received).toHaveLength(0);
  });

  it('refuses cross-site writes and oversized bodies before they reach CampaignLark', async () => {
    expect((await send(liveApp(), 'DELETE', '/v1/fields/4', {}, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await send(liveApp(), 'POST', '/v1/tags', { name: 'x'.repeat(1_100_000) })).status).toBe(413);
    expect(upstream.received).toHaveLength(0);
  });

  it('never shows the key in an answer or a log line, even when things go wrong', async () => {
    const answers = [];
    upstream.answer((_, response) =>
      response
        .writeHead(401, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: { message: 'bad key' } })),
    );
    answers.push(await send(liveApp(), 'GET', '/v1/fields'));
    upstream.answer(() => {});
    answers.push(await send(liveApp(upstream.apiUrl, 200), 'POST', '/v1/contacts', {}));
    answers.push(await send(liveApp('http://127.0.0.1:9/v1'), 'GET', '/v1/tags'));
    for (const answer of answers) {
      expect(answer.text).not.toContain(KEY);
      expect([...answer.headers.values()].join('\n')).not.toContain(KEY);
    }
    expect(logs.length).toBeGreaterThan(3);
    expect(logs.join('\n')).not.toContain(KEY);
  });
});
