/**
 * The one request handler: security checks first, then /api/status, then /v1 (CampaignLark
 * through the proxy, or the sandbox workspace), then the SPA's files.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { messages } from '../src/contract/messages.ts';
import { createProxy } from './proxy.ts';
import { API_ROUTES, splitRoute } from './routes.ts';
import { createSandbox } from './sandbox/app.ts';
import type { Store } from './sandbox/store.ts';
import { hostCheck, passwordCheck, refusal, sameOriginWrites, securityHeaders } from './security.ts';
import { serveApp } from './static-files.ts';

export type Backend =
  | { mode: 'sandbox'; store: Store; requestsPerSecond?: number }
  | { mode: 'live'; apiUrl: string; apiKey: string; timeoutMs?: number };

export interface AppOptions {
  backend: Backend;
  /** Host names the server answers to (see hostNamesFor). */
  hostNames: ReadonlySet<string>;
  adminPassword?: string | null;
  /** The built SPA; left out when Vite serves it (npm run dev). */
  distDir?: string;
  log?: (line: string) => void;
}

const MAX_BODY_BYTES = 1024 * 1024;

export function createApp(options: AppOptions): Hono {
  const log = options.log ?? ((line: string) => console.log(line));
  const app = new Hono();

  app.use(securityHeaders);
  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    // The path only: a query string can hold an email address.
    log(`${c.req.method} ${c.req.path} ${c.res.status} ${Math.round(performance.now() - started)}ms`);
  });
  app.use(hostCheck(options.hostNames));
  if (options.adminPassword) app.use(passwordCheck(options.adminPassword));

  app.get('/api/status', (c) => c.json({ mode: options.backend.mode === 'live' ? 'live' : 'sandbox' }));
  app.all('/api/*', (c) => refusal(c, 404, 'There is no such Lark Admin endpoint.'));

  app.use('/v1/*', sameOriginWrites);
  app.use(
    '/v1/*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => refusal(c, 413, 'The request is larger than the 1 MB Lark Admin accepts.'),
    }),
  );

  const { backend } = options;
  if (backend.mode === 'sandbox') {
    app.route('/v1', createSandbox(backend.store, { requestsPerSecond: backend.requestsPerSecond }));
  } else {
    const proxy = createProxy({ ...backend, log });
    for (const route of API_ROUTES) {
      const { method, path } = splitRoute(route);
      app.on(method, `/v1${path}`, proxy);
    }
  }
  app.all('/v1', (c) => refusal(c, 404, messages.unknownRoute(c.req.method, c.req.path)));
  app.all('/v1/*', (c) => refusal(c, 404, messages.unknownRoute(c.req.method, c.req.path)));

  if (options.distDir) serveApp(app, options.distDir);
  return app;
}
