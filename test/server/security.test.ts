import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { openStore } from '../../server/sandbox/store.ts';
import { error, sandbox } from './sandbox-client.ts';

const newField = { label: 'Shoe size', merge_tag: 'shoe_size', type: 'NUMBER' };

async function fieldCount(api: ReturnType<typeof sandbox>) {
  return (await api.get('/v1/fields')).body.data.length;
}

function distWithApp() {
  const dist = mkdtempSync(join(tmpdir(), 'lark-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Lark Admin</title><div id="root"></div>');
  writeFileSync(
    join(dist, 'assets', 'index-Ab12Cd34.js'),
    `console.log("app");\n${'export const padding = "lark";\n'.repeat(200)}`,
  );
  writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return dist;
}

function appWith(options: { adminPassword?: string; distDir?: string }) {
  return createApp({
    backend: { mode: 'sandbox', store: openStore(':memory:') },
    hostNames: new Set(['localhost', '127.0.0.1', '::1']),
    log: () => {},
    ...options,
  });
}

describe('headers on every response', () => {
  it('sends a strict CSP without inline script, nosniff, no referrer and no framing', async () => {
    const app = appWith({ distDir: distWithApp() });
    for (const path of [
      '/api/status',
      '/v1/fields',
      '/v1/nothing',
      '/',
      '/contacts/new',
      '/assets/index-Ab12Cd34.js',
      '/missing.png',
    ]) {
      const response = await app.request(`http://localhost${path}`);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).not.toContain('unsafe-inline');
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
    }
  });
});

describe('the built app', () => {
  it('sends scripts and pages gzipped to a browser that accepts it, and API answers as they are', async () => {
    const app = appWith({ distDir: distWithApp() });
    const gzip = { 'accept-encoding': 'gzip, deflate, br' };
    const asset = await app.request('http://localhost/assets/index-Ab12Cd34.js', { headers: gzip });
    expect(asset.headers.get('content-encoding')).toBe('gzip');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const text = await new Response(asset.body!.pipeThrough(new DecompressionStream('gzip'))).text();
    expect(text).toMatch(/^console\.log\("app"\);/);
    expect((await app.request('http://localhost/assets/index-Ab12Cd34.js')).headers.get('content-encoding')).toBeNull();
    const api = await app.request('http://localhost/v1/fields', { headers: gzip });
    expect(api.headers.get('content-encoding')).toBeNull();
    expect((await api.json()).data.length).toBe(3);
  });

  it('sends the build’s own .br or .gz of an asset, whichever the browser takes, with no second compression', async () => {
    const dist = distWithApp();
    const source = join(dist, 'assets', 'index-Ab12Cd34.js');
    writeFileSync(`${source}.br`, brotliCompressSync('console.log("from the .br");'));
    writeFileSync(`${source}.gz`, gzipSync('console.log("from the .gz");'));
    const app = appWith({ distDir: dist });
    const brotli = await app.request('http://localhost/assets/index-Ab12Cd34.js', {
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(brotli.headers.get('content-encoding')).toBe('br');
    expect(brotli.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(brotliDecompressSync(Buffer.from(await brotli.arrayBuffer())).toString()).toBe(
      'console.log("from the .br");',
    );
    const gzip = await app.request('http://localhost/assets/index-Ab12Cd34.js', {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    const text = await new Response(gzip.body!.pipeThrough(new DecompressionStream('gzip'))).text();
    expect(text).toBe('console.log("from the .gz");');
    const plain = await app.request('http://localhost/assets/index-Ab12Cd34.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toMatch(/^console\.log\("app"\);/);
  });

  it('serves hashed assets for good, and index.html for every page path, stored nowhere', async () => {
    const app = appWith({ distDir: distWithApp() });
    const asset = await app.request('http://localhost/assets/index-Ab12Cd34.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    for (const path of ['/', '/contacts/new', '/fields/12/edit', '/contacts/edit?email=a@b.co']) {
      const page = await app.request(`http://localhost${path}`);
      expect(page.status, path).toBe(200);
      expect(await page.text(), path).toContain('<div id="root">');
      expect(page.headers.get('cache-control'), path).toBe('no-store');
    }
    expect((await app.request('http://localhost/favicon.svg')).headers.get('cache-control')).toBe('no-cache');
    expect((await app.request('http://localhost/missing.png')).status).toBe(404);
    expect((await app.request('http://localhost/assets/gone-123.js')).status).toBe(404);
  });
});

describe('GET /api/status', () => {
  it('says sandbox without a key', async () => {
    const response = await appWith({}).request('http://localhost/api/status');
    expect(await response.json()).toEqual({ mode: 'sandbox' });
  });

  it('says live with a key, and never shows the key', async () => {
    const app = createApp({
      backend: { mode: 'live', apiUrl: 'http://127.0.0.1:9/v1', apiKey: 'sk_live_secret_123' },
      hostNames: new Set(['localhost']),
      log: () => {},
    });
    const response = await app.request('http://localhost/api/status');
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ mode: 'live' });
    expect(text).not.toContain('sk_live_secret_123');
  });
});

describe('routes under /v1', () => {
  it('answers anything that is not a contract route with 404 in the API envelope', async () => {
    const api = sandbox();
    for (const [method, path] of [
      ['GET', '/v1'],
      ['GET', '/v1/segments'],
      ['PUT', '/v1/fields'],
      ['GET', '/v1/fields/1'],
      ['POST', '/v1/contacts/64f1a2b3c4d5e6f7a8b9c0d1/tags/clear'],
      ['DELETE', '/v1/contacts/64f1a2b3c4d5e6f7a8b9c0d1'],
    ] as const) {
      const answer = await api.call(method, path, method === 'GET' ? undefined : {});
      expect(answer.status, `${method} ${path}`).toBe(404);
      expect(answer.body, `${method} ${path}`).toEqual(error(`There is no ${method} ${path} in the CampaignLark API.`));
    }
  });

  it('answers 429 with Retry-After over the workspace rate limit', async () => {
    const api = sandbox({ requestsPerSecond: 5 });
    const answers = await Promise.all(Array.from({ length: 7 }, () => api.get('/v1/tags')));
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(5);
    const limited = answers.filter((answer) => answer.status === 429);
    expect(limited).toHaveLength(2);
    expect(limited[0]!.headers.get('retry-after')).toBe('1');
  });
});

describe('who gets in', () => {
  it('refuses a Host this server does not answer to, changing nothing', async () => {
    const api = sandbox();
    const read = await api.app.request('http://evil.example/v1/fields');
    expect(read.status).toBe(403);
    const write = await api.app.request('http://evil.example/v1/fields', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(newField),
    });
    expect(write.status).toBe(403);
    expect(await fieldCount(api)).toBe(3);
    for (const host of ['localhost', '127.0.0.1', '[::1]']) {
      expect((await appWith({}).request(`http://${host}:4173/api/status`)).status, host).toBe(200);
    }
  });

  it('refuses a cross-site write, by Origin or by Sec-Fetch-Site, changing nothing', async () => {
    const api = sandbox();
    const crossOrigin = await api.call('POST', '/v1/fields', newField, { origin: 'https://evil.example' });
    expect(crossOrigin.status).toBe(403);
    expect(crossOrigin.body.error.message).toMatch(/answers only its own pages/);
    expect((await api.call('POST', '/v1/fields', newField, { origin: 'null' })).status).toBe(403);
    expect((await api.call('DELETE', '/v1/fields/2', undefined, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await api.call('DELETE', '/v1/fields/2', undefined, { 'sec-fetch-site': 'same-site' })).status).toBe(403);
    expect(await fieldCount(api)).toBe(3);
  });

  it('refuses a form post (not JSON) with 415, changing nothing', async () => {
    const api = sandbox();
    for (const type of ['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x']) {
      const answer = await api.call('POST', '/v1/fields', JSON.stringify(newField), { 'content-type': type });
      expect(answer.status, type).toBe(415);
    }
    expect(await fieldCount(api)).toBe(3);
  });

  it('accepts a same-origin JSON write', async () => {
    const api = sandbox();
    const answer = await api.call('POST', '/v1/fields', newField, {
      origin: 'http://localhost',
      'sec-fetch-site': 'same-origin',
    });
    expect(answer.status).toBe(201);
  });

  it('asks for the password on every request when ADMIN_PASSWORD is set', async () => {
    const app = appWith({ adminPassword: 'correct horse', distDir: distWithApp() });
    const basic = (credentials: string) => ({ authorization: `Basic ${Buffer.from(credentials).toString('base64')}` });
    for (const path of ['/', '/api/status', '/v1/fields', '/assets/index-Ab12Cd34.js']) {
      const anonymous = await app.request(`http://localhost${path}`);
      expect(anonymous.status, path).toBe(401);
      expect(anonymous.headers.get('www-authenticate'), path).toMatch(/^Basic realm="Lark Admin"/);
      expect((await app.request(`http://localhost${path}`, { headers: basic('admin:wrong') })).status, path).toBe(401);
      expect(
        (await app.request(`http://localhost${path}`, { headers: basic('anyone:correct horse') })).status,
        path,
      ).toBe(200);
    }
  });
});

describe('size limits', () => {
  it('answers 413 to a body over 1 MB and writes nothing', async () => {
    const api = sandbox();
    const huge = { ...newField, default_value: 'x'.repeat(1024 * 1024) };
    const answer = await api.post('/v1/fields', huge);
    expect(answer.status).toBe(413);
    expect(answer.body.error.message).toMatch(/1 MB/);
    expect(await fieldCount(api)).toBe(3);
  });

  it('counts a streamed body that declares no length', async () => {
    const api = sandbox();
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 20) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const response = await api.app.request('http://localhost/v1/tags', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
  });
});

describe('before the first build', () => {
  it('serves the API, and answers pages with 503 saying how to build', async () => {
    const app = appWith({ distDir: mkdtempSync(join(tmpdir(), 'lark-unbuilt-')) });
    expect((await app.request('http://localhost/api/status')).status).toBe(200);
    const page = await app.request('http://localhost/contacts/new');
    expect(page.status).toBe(503);
    expect(await page.text()).toMatch(/npm start/);
  });
});
