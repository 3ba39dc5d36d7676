/**
 * The workspace behind /v1: CampaignLark through the proxy, or the sandbox, behind the server's
 * one rate budget. The browser's requests and the jobs' reach the same routes, so a job writes
 * exactly as the SPA does; only the lane in the budget differs.
 */
import { Hono } from 'hono';
import { messages } from '../src/contract/messages.ts';
import { recordWrites } from './audit/record-writes.ts';
import type { AuditStore } from './audit/store.ts';
import type { RateBudget } from './jobs/rate-budget.ts';
import { createProxy } from './proxy.ts';
import { API_ROUTES, splitRoute } from './routes.ts';
import { createSandbox } from './sandbox/app.ts';
import type { Store } from './sandbox/store.ts';

export type Backend =
  | { mode: 'sandbox'; store: Store; requestsPerSecond?: number }
  | { mode: 'live'; apiUrl: string; apiKey: string; timeoutMs?: number };

/**
 * A job's request is marked by the environment it is dispatched with, which no browser can set;
 * so is the read an audit makes before a browser's write (in the browser's lane of the budget).
 */
type Lane = { Bindings: { lane?: 'job' | 'audit' } };

export interface Workspace {
  /** The contract's routes, relative to /v1. */
  routes: Hono<Lane>;
  /** A job's request: through the jobs' share of the budget, to the same routes. */
  send(method: string, path: string, body?: unknown): Promise<Response>;
}

export function createWorkspace(
  backend: Backend,
  budget: RateBudget,
  log: (line: string) => void,
  audit?: AuditStore,
): Workspace {
  const routes = new Hono<Lane>();
  if (audit) {
    const read = async (path: string) => {
      const answer = await routes.request(`http://workspace${path}`, {}, { lane: 'audit' });
      const json = (await answer.json().catch(() => null)) as { data?: unknown } | null;
      return { status: answer.status, data: json?.data };
    };
    const record = recordWrites(audit, read);
    routes.use((c, next) => (c.env?.lane ? next() : record(c, next)));
  }
  routes.use(async (c, next) => {
    if (c.env?.lane === 'job') return next();
    if (budget.waiting() > budget.perSecond * 2) {
      c.header('Retry-After', '1');
      return c.json({ error: { message: messages.rateLimited } }, 429);
    }
    await budget.interactive(() => next());
  });
  if (backend.mode === 'sandbox') {
    routes.route('/', createSandbox(backend.store, { requestsPerSecond: backend.requestsPerSecond }));
  } else {
    const proxy = createProxy({ ...backend, log });
    for (const route of API_ROUTES) {
      const { method, pattern } = splitRoute(route);
      routes.on(method, pattern, proxy(route));
    }
  }
  return {
    routes,
    send: (method, path, body) =>
      budget.job(async () =>
        routes.request(
          `http://workspace${path}`,
          {
            method,
            ...(body === undefined
              ? {}
              : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
          },
          { lane: 'job' },
        ),
      ),
  };
}
