/**
 * Renders the whole app at a path, with fetch answered in-process by the real sandbox handler
 * (a fresh in-memory workspace), so component tests exercise the same contract as production.
 * `answerNext` stands in for what the sandbox cannot do: a refusal it never gives, a slow answer.
 */
import { render } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { vi } from 'vitest';
import { openAccessFile } from '../../server/access/access-file.ts';
import type { Person } from '../../server/access/sessions.ts';
import { createApp } from '../../server/app.ts';
import { auditApi } from '../../server/audit/api.ts';
import { jobWrites } from '../../server/audit/job-writes.ts';
import { createAuditStore, type AuditStore } from '../../server/audit/store.ts';
import { createRateBudget } from '../../server/jobs/rate-budget.ts';
import { openJobs } from '../../server/jobs/service.ts';
import { viewsApi } from '../../server/views.ts';
import { createWorkspace } from '../../server/workspace.ts';
import { openStore, type Store } from '../../server/sandbox/store.ts';
import { createQueryClient } from '../../src/api/query-client.ts';
import { setDraftOwner } from '../../src/lib/forms/draft-owner.ts';
import { App } from '../../src/app/app.tsx';
import { appRoutes } from '../../src/app/routes.tsx';
import { createRouter, type Router } from '../../src/lib/router/create-router.ts';
import { memoryHistory } from '../../src/lib/router/history.ts';
import type { Route } from '../../src/lib/router/matching.ts';

type Answer = (request: {
  method: string;
  path: string;
  body: unknown;
}) => Response | undefined | Promise<Response | undefined>;

export interface RenderedApp {
  store: Store;
  /** The trail the server records (the app acts as `person`, an admin at this computer by default). */
  audit: AuditStore;
  user: ReturnType<typeof userEvent.setup>;
  router: Router;
  /** Every /v1 request the app made, as "METHOD /path". */
  requests: string[];
  /** The same requests with their JSON bodies. */
  sent: { method: string; path: string; body: unknown }[];
  /** The next request this answers (returns a Response) goes no further; undefined lets it through. */
  answerNext: (answer: Answer) => void;
  /** Like answerNext, for every request it answers, not just the next. */
  answerAlways: (answer: Answer) => void;
  /** Calls the sandbox directly, as another admin would. */
  api: (method: string, path: string, body?: unknown) => Promise<{ status: number; body: any }>;
  /** The same, as a colleague: the server knows them as `person`. */
  apiAs: (person: Person, method: string, path: string, body?: unknown) => Promise<{ status: number; body: any }>;
}

/** Files the app downloads, caught instead of saved (jsdom has no object URLs). */
export function catchDownloads(): Blob[] {
  const blobs: Blob[] = [];
  const CatchingURL = class extends URL {
    static override createObjectURL(blob: Blob) {
      blobs.push(blob);
      return 'blob:caught';
    }
    static override revokeObjectURL() {}
  };
  vi.stubGlobal('URL', CatchingURL);
  return blobs;
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

export function renderApp(
  path: string,
  options: { store?: Store; routes?: Route[]; person?: Person } = {},
): RenderedApp {
  // Each render is a new page: it knows nobody until it reads who it acts as.
  setDraftOwner('');
  const store = options.store ?? openStore(':memory:');
  const audit = createAuditStore(openAccessFile(':memory:'));
  // Seeding a workspace sends far more than 100 requests a second; the limit itself has its own tests.
  const backend = { mode: 'sandbox', store, requestsPerSecond: 100_000 } as const;
  const workspace = createWorkspace(backend, createRateBudget({ perSecond: 100_000 }), () => {}, audit);
  const jobs = openJobs({
    dataDir: ':memory:',
    retentionDays: 30,
    send: workspace.send,
    log: () => {},
    writes: jobWrites(audit),
  });
  const views = viewsApi(':memory:');
  const audited = auditApi(audit);
  /** The server as one person sees it; every person shares the one workspace, jobs and trail. */
  const serverFor = (person?: Person) =>
    createApp({
      backend,
      workspace,
      jobsApi: jobs.api,
      viewsApi: views,
      auditApi: audited,
      access: { signIn: 'open', person },
      hostNames: new Set(['localhost']),
      log: () => {},
    });
  const server = serverFor(options.person);
  const requests: string[] = [];
  const sent: RenderedApp['sent'] = [];
  const answers: { answer: Answer; once: boolean }[] = [];

  vi.stubGlobal('fetch', async (input: string | URL | Request, init: RequestInit = {}) => {
    const url = new URL(typeof input === 'string' ? input : input.toString(), 'http://localhost');
    const method = init.method ?? 'GET';
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    if (url.pathname.startsWith('/v1')) {
      requests.push(`${method} ${url.pathname}`);
      sent.push({ method, path: url.pathname, body });
    }
    // As over a real network, the answer comes a task later: the first page's requests start
    // while rendering, and a test registers its answers right after renderApp returns.
    await new Promise((resolve) => setTimeout(resolve, 0));
    for (const [index, entry] of answers.entries()) {
      // A rejected answer (a dropped connection) counts as answered too.
      const response = await Promise.resolve(entry.answer({ method, path: url.pathname, body })).catch(
        (error: unknown) => {
          if (entry.once) answers.splice(index, 1);
          throw error;
        },
      );
      if (response) {
        if (entry.once) answers.splice(index, 1);
        return response;
      }
    }
    // jsdom's AbortSignal is not Node's; the handler needs none.
    const { signal: _, ...rest } = init;
    return server.request(url.toString(), rest);
  });

  async function api(method: string, path: string, body?: unknown, as = server) {
    const response = await as.request(`http://localhost${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  const queryClient = createQueryClient();
  // Reads fail at once in tests (a retry would only slow them); writes keep their real 429 policy.
  const defaults = queryClient.getDefaultOptions();
  queryClient.setDefaultOptions({ ...defaults, queries: { ...defaults.queries, retry: false } });
  const router = createRouter(options.routes ?? appRoutes(queryClient), memoryHistory(path));
  const user = userEvent.setup();
  render(<App queryClient={queryClient} router={router} />);
  return {
    store,
    audit,
    user,
    router,
    requests,
    sent,
    answerNext: (answer) => answers.push({ answer, once: true }),
    answerAlways: (answer) => answers.push({ answer, once: false }),
    api,
    apiAs: (person, method, path, body) => api(method, path, body, serverFor(person)),
  };
}
