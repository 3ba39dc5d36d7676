/** The route → least role table, checked against every route the server has, for every role. */
import { describe, expect, it } from 'vitest';
import { openAccessFile } from '../../server/access/access-file.ts';
import { capabilityOf, ROUTE_CAPABILITIES } from '../../server/access/route-roles.ts';
import type { Person } from '../../server/access/sessions.ts';
import { createApp } from '../../server/app.ts';
import { auditApi } from '../../server/audit/api.ts';
import { createAuditStore } from '../../server/audit/store.ts';
import { createRateBudget } from '../../server/jobs/rate-budget.ts';
import { openJobs } from '../../server/jobs/service.ts';
import { openStore } from '../../server/sandbox/store.ts';
import { viewsApi } from '../../server/views.ts';
import { createWorkspace, type Backend } from '../../server/workspace.ts';
import { API_ROUTES } from '../../server/routes.ts';
import { can, refusalFor, ROLES, type Role } from '../../src/contract/access.ts';

const person = (role: Role): Person => ({ id: role, name: `A ${role}`, email: null, role });

function appFor(role: Role) {
  const backend: Backend = { mode: 'sandbox', store: openStore(':memory:'), requestsPerSecond: 100_000 };
  const workspace = createWorkspace(backend, createRateBudget({ perSecond: 100_000 }), () => {});
  const jobs = openJobs({ dataDir: ':memory:', retentionDays: 30, send: workspace.send, log: () => {} });
  const app = createApp({
    backend,
    workspace,
    jobsApi: jobs.api,
    viewsApi: viewsApi(':memory:'),
    auditApi: auditApi(createAuditStore(openAccessFile(':memory:'))),
    hostNames: new Set(['localhost']),
    access: { signIn: 'open', person: person(role) },
    log: () => {},
  });
  return { app, jobs };
}

/** A path of the route with each parameter filled by a value of the shape it takes. */
const SAMPLES: Record<string, string> = { control: 'pause', kind: 'contact' };
function samplePath(path: string): string {
  return path
    .replace(/\/contacts\/:id/, '/contacts/64f1a2b3c4d5e6f7a8b9c0d1')
    .replace(/:(\w+)(\{[^}]*\})?/g, (_, name: string) => SAMPLES[name] ?? '1');
}

describe('the route table', () => {
  it('names every route the server answers under /v1 and /api, so none is open by mistake', () => {
    const { app } = appFor('admin');
    const served = app.routes
      .filter((route) => route.method !== 'ALL' && /^\/(?:v1|api)\//.test(route.path))
      .map((route) => `${route.method} ${route.path}`);
    expect(served.length).toBeGreaterThan(30);
    for (const route of served) {
      const [method, path] = route.split(' ') as [string, string];
      expect(capabilityOf(method, samplePath(path)), route).not.toBeNull();
    }
    for (const route of API_ROUTES) {
      const [method, path] = route.split(' ') as [string, string];
      expect(ROUTE_CAPABILITIES[`${method} /v1${path}`], route).toBeDefined();
    }
  });

  it('refuses an unknown route before it reaches anything', () => {
    expect(capabilityOf('POST', '/api/jobs/1/explode')).toBeNull();
    expect(capabilityOf('DELETE', '/v1/contacts/64f1a2b3c4d5e6f7a8b9c0d1')).toBeNull();
  });

  const cases = Object.entries(ROUTE_CAPABILITIES).flatMap(([route, capability]) =>
    ROLES.map((role) => [route, role, capability] as const),
  );
  const apps = Object.fromEntries(ROLES.map((role) => [role, appFor(role).app]));

  it.each(cases)('%s as %s', async (route, role, capability) => {
    const [method, path] = route.split(' ') as [string, string];
    const response = await apps[role]!.request(`http://localhost${samplePath(path)}`, {
      method,
      headers: { origin: 'http://localhost', 'content-type': 'application/json' },
      body: method === 'GET' ? undefined : '{}',
    });
    if (can(role, capability)) {
      // Past the guard: whatever the route itself answers, it is not a role's refusal.
      expect(response.headers.get('x-lark-refusal')).toBeNull();
    } else {
      expect(response.status).toBe(403);
      expect(response.headers.get('x-lark-refusal')).toBe('role');
      expect(await response.json()).toEqual({ error: { message: refusalFor(role, capability) } });
    }
  });
});

describe('jobs: an editor controls only their own', () => {
  it('lets an editor start and cancel their import, refuses their hand on an admin’s, and an option move', async () => {
    const backend: Backend = { mode: 'sandbox', store: openStore(':memory:'), requestsPerSecond: 100_000 };
    const workspace = createWorkspace(backend, createRateBudget({ perSecond: 100_000 }), () => {});
    const jobs = openJobs({ dataDir: ':memory:', retentionDays: 30, send: workspace.send, log: () => {} });
    const as = (role: Role, id: string) =>
      createApp({
        backend,
        workspace,
        jobsApi: jobs.api,
        hostNames: new Set(['localhost']),
        access: { signIn: 'open', person: { ...person(role), id } },
        log: () => {},
      });
    const call = async (app: ReturnType<typeof as>, method: string, path: string, body?: unknown) => {
      const response = await app.request(`http://localhost${path}`, {
        method,
        headers: { origin: 'http://localhost', 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as any };
    };
    const settings = { mode: 'add-and-update', newStatus: 'SUBSCRIBED', tagIds: [] };
    const [eddie, otherEditor, ada] = [as('editor', 'eddie'), as('editor', 'erin'), as('admin', 'ada')];

    const mine = await call(eddie, 'POST', '/api/jobs', { kind: 'import', title: 'Mine', params: settings });
    expect(mine.status).toBe(201);
    expect(mine.body.data.owner).toEqual({ id: 'eddie', name: 'A editor' });
    const theirs = await call(ada, 'POST', '/api/jobs', { kind: 'import', title: 'Theirs', params: settings });

    const refused = await call(eddie, 'POST', `/api/jobs/${theirs.body.data.id}/cancel`);
    expect(refused).toEqual({
      status: 403,
      body: { error: { message: 'Your role (Editor) can pause, cancel or undo only the jobs you started.' } },
    });
    expect((await call(otherEditor, 'POST', `/api/jobs/${mine.body.data.id}/cancel`)).status).toBe(403);
    expect((await call(eddie, 'POST', `/api/jobs/${mine.body.data.id}/cancel`)).status).toBe(200);
    expect((await call(ada, 'POST', `/api/jobs/${theirs.body.data.id}/cancel`)).status).toBe(200);

    const move = { kind: 'migrate', title: 'Move', params: {} };
    const refusal = { error: { message: 'Your role (Editor) cannot change fields or tags.' } };
    expect((await call(eddie, 'POST', '/api/jobs', move)).body).toEqual(refusal);
    // Sam started a move as an admin and is an editor now: the move is no longer theirs to run.
    const params = {
      fieldId: 1,
      mergeTag: 'plan',
      multiple: false,
      moves: [{ from: 'A', to: 'B' }],
      initialDefinition: 'A,B',
      finalDefinition: 'B',
    };
    const samMove = await call(as('admin', 'sam'), 'POST', '/api/jobs', { ...move, params });
    expect(samMove.status).toBe(201);
    expect((await call(as('editor', 'sam'), 'POST', `/api/jobs/${samMove.body.data.id}/cancel`)).body).toEqual(refusal);
    await jobs.close();
  });
});
