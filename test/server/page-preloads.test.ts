/** Each page's HTML names its code and its first reads, from the build's list. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { openStore } from '../../server/sandbox/store.ts';

function builtApp() {
  const dist = mkdtempSync(join(tmpdir(), 'lark-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(
    join(dist, 'index.html'),
    '<!doctype html><html><head><title>Lark Admin</title></head><body><div id="root"></div></body></html>',
  );
  writeFileSync(
    join(dist, 'page-preloads.json'),
    JSON.stringify({
      home: '/contacts',
      pages: [
        {
          path: '/contacts',
          modules: ['/assets/contacts-page-A1.js', '/assets/shared-B2.js'],
          reads: ['/api/status', '/v1/fields'],
        },
        { path: '/fields/:id/edit', modules: ['/assets/field-form-page-C3.js'], reads: ['/v1/fields'] },
      ],
    }),
  );
  return createApp({
    backend: { mode: 'sandbox', store: openStore(':memory:') },
    hostNames: new Set(['localhost']),
    log: () => {},
    distDir: dist,
  });
}

const html = async (app: ReturnType<typeof builtApp>, path: string) =>
  (await app.request(`http://localhost${path}`)).text();

describe('page preloads', () => {
  it('names a page’s chunks and its first reads at the end of <head>, for its address and for /', async () => {
    const app = builtApp();
    for (const path of ['/contacts', '/']) {
      const page = await html(app, path);
      expect(page, path).toContain(
        '<link rel="modulepreload" crossorigin href="/assets/contacts-page-A1.js"><link rel="modulepreload" crossorigin href="/assets/shared-B2.js">' +
          '<link rel="preload" as="fetch" crossorigin href="/api/status"><link rel="preload" as="fetch" crossorigin href="/v1/fields"></head>',
      );
    }
  });

  it('sends /index.html to /, the address the app has', async () => {
    const answer = await builtApp().request('http://localhost/index.html');
    expect(answer.status).toBe(302);
    expect(answer.headers.get('location')).toBe('/');
  });

  it('matches a page with a parameter, and names nothing for an address no page has', async () => {
    const app = builtApp();
    expect(await html(app, '/fields/12/edit')).toContain('href="/assets/field-form-page-C3.js"');
    const none = await html(app, '/no/such/page');
    expect(none).toContain('<div id="root">');
    expect(none).not.toContain('preload');
  });
});
