/** The built SPA: hashed assets cached for good, every other page path answered by index.html. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';

const IMMUTABLE = 'public, max-age=31536000, immutable';

export function serveApp(app: Hono, distDir: string) {
  let indexHtml: string | undefined;

  app.use('*', async (c, next) => {
    await next();
    if (c.res.ok) {
      // Vite names everything under assets/ by its content hash, so a name never changes meaning.
      c.res.headers.set('Cache-Control', c.req.path.startsWith('/assets/') ? IMMUTABLE : 'no-cache');
    }
  });
  app.use('*', serveStatic({ root: distDir }));

  // A deep link such as /contacts/new is a page of the app; a missing /logo.png is a missing file.
  app.get('*', (c) => {
    const lastSegment = c.req.path.split('/').pop() ?? '';
    if (lastSegment.includes('.')) return c.text('Not found', 404);
    indexHtml ??= readFileSync(join(distDir, 'index.html'), 'utf8');
    return c.html(indexHtml);
  });
}
