/** The built SPA: hashed assets cached for good, every other page path answered by index.html. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import { compress } from 'hono/compress';
import { preloadLinks, withPreloads } from './page-preloads.ts';

const IMMUTABLE = 'public, max-age=31536000, immutable';

export function isBuilt(distDir: string): boolean {
  return existsSync(join(distDir, 'index.html'));
}

/**
 * The built scripts and styles, before the sign-in for teams: named by their content, they hold
 * no data, and a page whose session ended can still load the code it needs to say so.
 */
export function serveAssets(app: Hono, distDir: string) {
  if (!isBuilt(distDir)) return;
  app.use('/assets/*', async (c, next) => {
    await next();
    if (c.res.ok) c.res.headers.set('Cache-Control', IMMUTABLE);
  });
  app.use('/assets/*', serveStatic({ root: distDir, precompressed: true }));
}

export function serveApp(app: Hono, distDir: string) {
  if (!isBuilt(distDir)) {
    // `node server/main.ts` run by hand before any build: the API works, the pages say why not.
    app.get('*', (c) =>
      c.text('Lark Admin is not built yet: run `npm start` (it builds first) or `npm run build`.', 503),
    );
    return;
  }

  // Scripts and styles go as the build compressed them (brotli or gzip); pages, made per request,
  // are gzipped here. API answers are left as they are.
  app.use('*', compress({ encoding: 'gzip' }));
  app.use('*', async (c, next) => {
    await next();
    if (!c.res.ok) return;
    // Vite names everything under assets/ by its content hash, so a name never changes meaning. A
    // page is made per request and kept nowhere: after signing out, Back must not bring a page of
    // contacts out of the browser's cache.
    const page = c.res.headers.get('content-type')?.startsWith('text/html');
    c.res.headers.set('Cache-Control', c.req.path.startsWith('/assets/') ? IMMUTABLE : page ? 'no-store' : 'no-cache');
  });
  // A page (a deep link such as /contacts/new, or / itself) is index.html with its page's preloads.
  const page = (path: string) =>
    // Read each time (they are tiny), so a rebuild under a running server never serves stale asset names.
    withPreloads(readFileSync(join(distDir, 'index.html'), 'utf8'), preloadLinks(distDir, path));
  app.get('/', (c) => c.html(page('/')));
  // The app has no page of that name: its address is /.
  app.get('/index.html', (c) => c.redirect('/'));
  app.use('*', serveStatic({ root: distDir, precompressed: true }));

  // A missing /logo.png is a missing file.
  app.get('*', (c) => {
    const lastSegment = c.req.path.split('/').pop() ?? '';
    if (lastSegment.includes('.')) return c.text('Not found', 404);
    return c.html(page(c.req.path));
  });
}
