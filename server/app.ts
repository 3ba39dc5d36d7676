/**
 * The one request handler: security checks first, then /api (status and jobs), then /v1
 * (CampaignLark through the proxy, or the sandbox workspace), then the SPA's files.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Me } from '../src/contract/access.ts';
import { messages } from '../src/contract/messages.ts';
import { installGate, type Access } from './access/gate.ts';
import { roleGuard } from './access/route-roles.ts';
import type { AuditStore } from './audit/store.ts';
import { createRateBudget } from './jobs/rate-budget.ts';
import { hostCheck, refusal, sameOriginOnly, securityHeaders } from './security.ts';
import { serveApp, serveAssets } from './static-files.ts';
import { createWorkspace, type Backend, type Workspace } from './workspace.ts';

export type { Backend };

export interface AppOptions {
  backend: Backend;
  /** The workspace made from `backend`, when a job runner shares it; made here otherwise. */
  workspace?: Workspace;
  /** The job runner's /api/jobs; without it, there are no jobs. */
  jobsApi?: Hono;
  /** The saved views' /api/views; without it, there are none. */
  viewsApi?: Hono;
  /** /api/history and /api/activity; without it, there is no trail. */
  auditApi?: Hono;
  /** Records the browser's writes (when the workspace is made here). */
  audit?: AuditStore;
  /** How people get in; without it, ADMIN_PASSWORD when given, else open (loopback). */
  access?: Access;
  /** Host names the server answers to (see hostNamesFor). */
  hostNames: ReadonlySet<string>;
  adminPassword?: string | null;
  /** TRUST_PROXY=1: a TLS proxy in front; the client's address is the last X-Forwarded-For entry. */
  trustProxy?: boolean;
  /** The server speaks HTTPS itself (TLS_CERT and TLS_KEY): every answer carries HSTS. */
  https?: boolean;
  /** The built SPA; left out when Vite serves it (npm run dev). */
  distDir?: string;
  log?: (line: string) => void;
}

const MAX_BODY_BYTES = 1024 * 1024;

/**
 * A logged line can never forge another or disguise itself: control characters (newlines, ANSI
 * escapes) and direction overrides are written as escapes.
 */
export const escapeControls = (line: string) =>
  line.replace(
    /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028-\u202e\u2066-\u2069]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );

export function createApp(options: AppOptions): Hono {
  const write = options.log ?? ((line: string) => console.log(line));
  const log = (line: string) => write(escapeControls(line));
  const app = new Hono();

  app.use(securityHeaders(options.https ?? false));
  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    // The path only: a query string can hold an email address.
    log(`${c.req.method} ${c.req.path} ${c.res.status} ${Math.round(performance.now() - started)}ms`);
  });
  app.use(hostCheck(options.hostNames));
  const access: Access =
    options.access ??
    (options.adminPassword ? { signIn: 'password', password: options.adminPassword } : { signIn: 'open' });
  // With sessions that can end, a page must still load the code that says so; a password never ends.
  if (options.distDir && access.signIn === 'oidc') serveAssets(app, options.distDir);
  installGate(app, access, { trustProxy: options.trustProxy ?? false, log });

  const limitBody = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => {
      // The rest of the body is not read, so the connection cannot carry another request.
      c.header('Connection', 'close');
      return refusal(c, 413, 'The request is larger than the 1 MB Lark Admin accepts.');
    },
  });

  app.use('/api/*', sameOriginOnly, limitBody, roleGuard);
  app.get('/api/status', (c) => c.json({ mode: options.backend.mode === 'live' ? 'live' : 'sandbox' }));
  app.get('/api/me', (c) => c.json({ ...c.get('person'), signIn: c.get('signIn') } satisfies Me));
  if (options.jobsApi) app.route('/api/jobs', options.jobsApi);
  if (options.viewsApi) app.route('/api/views', options.viewsApi);
  if (options.auditApi) app.route('/api', options.auditApi);
  app.all('/api/*', (c) => refusal(c, 404, 'There is no such Lark Admin endpoint.'));

  app.use('/v1/*', sameOriginOnly, limitBody, roleGuard);

  const workspace = options.workspace ?? createWorkspace(options.backend, createRateBudget(), log, options.audit);
  app.route('/v1', workspace.routes);
  app.all('/v1', (c) => refusal(c, 404, messages.unknownRoute(c.req.method, c.req.path)));
  app.all('/v1/*', (c) => refusal(c, 404, messages.unknownRoute(c.req.method, c.req.path)));

  if (options.distDir) serveApp(app, options.distDir);
  return app;
}
