import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { openStore } from '../../server/sandbox/store.ts';
import { viewsApi } from '../../server/views.ts';

function appOn(dataDir: string) {
  const app = createApp({
    backend: { mode: 'sandbox', store: openStore(':memory:') },
    viewsApi: viewsApi(dataDir),
    hostNames: new Set(['localhost']),
    log: () => {},
  });
  return async (method: string, path: string, body?: unknown, origin = 'http://localhost') => {
    const response = await app.request(`http://localhost${path}`, {
      method,
      headers: { origin, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as any };
  };
}

describe('saved views', () => {
  it('keeps views in the data folder, for every admin and across restarts', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lark-views-'));
    const call = appOn(dataDir);
    const saved = await call('POST', '/api/views', { name: 'German leads', query: '?c=country%7CEQUALS%7CDE' });
    expect(saved.status).toBe(201);
    expect(saved.body.data).toMatchObject({ name: 'German leads', query: 'c=country%7CEQUALS%7CDE' });
    const restarted = appOn(dataDir);
    expect((await restarted('GET', '/api/views')).body.data.map((view: { name: string }) => view.name)).toEqual([
      'German leads',
    ]);
    expect((await restarted('DELETE', `/api/views/${saved.body.data.id}`)).status).toBe(200);
    expect((await appOn(dataDir)('GET', '/api/views')).body.data).toEqual([]);
  });

  it('refuses a nameless view, a name in use, an unknown view, and another site', async () => {
    const call = appOn(':memory:');
    expect((await call('POST', '/api/views', { name: ' ', query: '' })).status).toBe(400);
    await call('POST', '/api/views', { name: 'Leads', query: '' });
    const again = await call('POST', '/api/views', { name: 'LEADS', query: 'q=x' });
    expect([again.status, again.body.error.message]).toEqual([409, 'There is already a view called “LEADS”.']);
    expect((await call('DELETE', '/api/views/nope')).status).toBe(404);
    expect((await call('POST', '/api/views', { name: 'Evil', query: '' }, 'https://evil.example')).status).toBe(403);
    expect((await call('GET', '/api/views')).body.data).toHaveLength(1);
  });
});

describe('a views file that cannot be read', () => {
  it('says so, and never writes over it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lark-views-'));
    writeFileSync(join(dataDir, 'views.json'), '{ not json');
    const call = appOn(dataDir);
    const read = await call('GET', '/api/views');
    expect(read.status).toBe(503);
    expect(read.body.error.message).toMatch(/^The saved views in .*views\.json cannot be read/);
    expect((await call('POST', '/api/views', { name: 'New', query: '' })).status).toBe(503);
    expect(readFileSync(join(dataDir, 'views.json'), 'utf8')).toBe('{ not json');
  });
});
