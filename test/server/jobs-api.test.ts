/** /api/jobs over HTTP, in-process: the real app, an in-memory sandbox and an in-memory jobs file. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../server/app.ts';
import { createRateBudget } from '../../server/jobs/rate-budget.ts';
import { openJobs } from '../../server/jobs/service.ts';
import { openStore } from '../../server/sandbox/store.ts';
import { createWorkspace, type Backend } from '../../server/workspace.ts';
import { JOB_LIMITS } from '../../src/contract/jobs.ts';
import { messages } from '../../src/contract/messages.ts';
import { requester } from './sandbox-client.ts';

type Send = (method: string, path: string, body?: unknown) => Promise<Response>;

/** The app with its jobs; while `hold` is set, every request a job makes waits for its release. */
function server() {
  const backend: Backend = { mode: 'sandbox', store: openStore(':memory:'), requestsPerSecond: 100_000 };
  const workspace = createWorkspace(backend, createRateBudget({ perSecond: 100_000 }), () => {});
  const waiting: (() => void)[] = [];
  let holding = false;
  const send: Send = async (method, path, body) => {
    if (holding) await new Promise<void>((resolve) => waiting.push(resolve));
    return workspace.send(method, path, body);
  };
  const patience = { tries: 3, backoffMs: () => 5, maxRetryAfterMs: 20 };
  const jobs = openJobs({ dataDir: ':memory:', retentionDays: 30, send, log: () => {}, patience });
  const app = createApp({ backend, workspace, jobsApi: jobs.api, hostNames: new Set(['localhost']), log: () => {} });

  const call = requester(app);
  return {
    jobs,
    call,
    hold: () => (holding = true),
    held: () => waiting.length,
    release: () => {
      holding = false;
      waiting.splice(0).forEach((resolve) => resolve());
    },
  };
}

let s: ReturnType<typeof server>;
beforeEach(() => {
  s = server();
});
afterEach(async () => {
  s.release();
  await s.jobs.close();
});

const get = (path: string) => s.call('GET', path);
const post = (path: string, body?: unknown) => s.call('POST', path, body);
const settings = { mode: 'add-and-update', newStatus: 'UNCONFIRMED', tagIds: [1], statusForExisting: true };
const row = (email: string, fields: Record<string, unknown> = {}) => ({ email, fields });

async function draft(rows: object[] = []) {
  const { status, body } = await post('/api/jobs', { kind: 'import', title: 'Spring list', params: settings });
  expect(status).toBe(201);
  if (rows.length > 0) expect((await post(`/api/jobs/${body.data.id}/rows`, { rows })).status).toBe(200);
  return body.data.id as number;
}
async function until(id: number, state: string) {
  await vi.waitFor(async () => expect((await get(`/api/jobs/${id}`)).body.data.state).toBe(state), { timeout: 10_000 });
  return (await get(`/api/jobs/${id}`)).body.data;
}
async function contact(email: string) {
  const { status, body } = await get(`/v1/contacts/by-email?email=${encodeURIComponent(email)}`);
  return status === 200 ? body.data : null;
}

describe('a job in three moves', () => {
  it('is created, takes its rows in pieces, starts and runs', async () => {
    const created = await post('/api/jobs', { kind: 'import', title: ' Spring list ', params: settings });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ kind: 'import', title: 'Spring list', state: 'draft', undoOf: null });
    const id = created.body.data.id;
    const first = await post(`/api/jobs/${id}/rows`, {
      rows: [row('a@example.com', { first_name: 'A' }), row('b@example.com')],
    });
    expect(first.body.data.counts.total).toBe(2);
    const second = await post(`/api/jobs/${id}/rows`, { rows: [{ ...row('c@example.com'), status: 'SUBSCRIBED' }] });
    expect(second.body.data.counts.total).toBe(3);
    const started = await post(`/api/jobs/${id}/start`);
    expect(started.status).toBe(200);
    expect(['queued', 'running', 'done']).toContain(started.body.data.state);

    const job = await until(id, 'done');
    expect(job.counts).toEqual({ total: 3, done: 3, created: 3, updated: 0, unchanged: 0, skipped: 0, refused: 0 });
    expect(job.finishedAt).toBeGreaterThanOrEqual(job.startedAt);
    expect(await contact('a@example.com')).toMatchObject({ status: 'UNCONFIRMED', data: { first_name: 'A' } });
    expect((await contact('c@example.com')).status).toBe('SUBSCRIBED');
    expect((await contact('b@example.com')).tags).toEqual([{ id: 1, name: 'newsletter' }]);
    const rows = (await get(`/api/jobs/${id}/rows`)).body.data;
    expect(rows.map((r: { n: number; outcome: string }) => [r.n, r.outcome])).toEqual([
      [1, 'created'],
      [2, 'created'],
      [3, 'created'],
    ]);
    expect((await get('/api/jobs')).body.data.map((j: { id: number }) => j.id)).toEqual([id]);
  });
});

describe('refusals', () => {
  it.each([
    ['no title', { kind: 'import', title: '  ', params: settings }],
    ['another kind', { kind: 'undo', title: 'x', params: settings }],
    ['an unknown mode', { kind: 'import', title: 'x', params: { ...settings, mode: 'merge' } }],
    ['an unknown status', { kind: 'import', title: 'x', params: { ...settings, newStatus: 'ACTIVE' } }],
    ['a tag id of 0', { kind: 'import', title: 'x', params: { ...settings, tagIds: [0] } }],
    ['not JSON', '{"kind":'],
  ])('refuses a job with %s, and makes none', async (_, body) => {
    const { status, body: answer } = await post('/api/jobs', body);
    expect(status).toBe(400);
    expect(answer.error.message).toBe('A job needs a kind (import, bulk or migrate), a title and its settings.');
    expect((await get('/api/jobs')).body.data).toEqual([]);
  });

  it('refuses malformed rows, too many rows, rows after the start and a start with no rows', async () => {
    const id = await draft();
    const tooMany = Array.from({ length: JOB_LIMITS.rowsPerCall + 1 }, (_, i) => row(`r${i}@example.com`));
    const refusal = `Send 1 to ${JOB_LIMITS.rowsPerCall} rows, each with an email address and its fields.`;
    for (const rows of [
      tooMany,
      [],
      [row('x')],
      [{ email: 'a@example.com' }],
      [{ ...row('a@b.c'), status: 'ACTIVE' }],
    ]) {
      const { status, body } = await post(`/api/jobs/${id}/rows`, { rows });
      expect([status, body.error.message]).toEqual([400, refusal]);
    }
    const empty = await post(`/api/jobs/${id}/start`);
    expect([empty.status, empty.body.error.message]).toEqual([400, 'This job has no rows to run.']);
    expect((await get(`/api/jobs/${id}`)).body.data).toMatchObject({ state: 'draft', counts: { total: 0 } });

    expect((await post(`/api/jobs/${id}/rows`, { rows: tooMany.slice(1) })).body.data.counts.total).toBe(2000);
    expect((await post(`/api/jobs/${id}/start`)).status).toBe(200);
    const late = await post(`/api/jobs/${id}/rows`, { rows: [row('late@example.com')] });
    expect([late.status, late.body.error.message]).toEqual([409, 'This job has started; it takes no more rows.']);
    expect((await post(`/api/jobs/${id}/start`)).status).toBe(409);
    expect((await until(id, 'done')).counts).toMatchObject({ total: 2000, created: 2000 });
    expect(await contact('late@example.com')).toBeNull();
  });

  it.each([
    ['GET', '/api/jobs/999'],
    ['GET', '/api/jobs/abc'],
    ['GET', '/api/jobs/999/rows'],
    ['POST', '/api/jobs/999/rows'],
    ['POST', '/api/jobs/999/start'],
    ['POST', '/api/jobs/999/pause'],
    ['POST', '/api/jobs/999/resume'],
    ['POST', '/api/jobs/999/undo'],
  ])('answers 404 to %s %s', async (method, path) => {
    const { status, body } = await s.call(
      method,
      path,
      method === 'POST' ? { rows: [row('a@example.com')] } : undefined,
    );
    expect(status).toBe(404);
    expect(body.error.message).toMatch(/no such job/);
  });

  it('refuses a cross-site request, and nothing is made or started', async () => {
    const evil = { origin: 'https://evil.example' };
    const made = await s.call('POST', '/api/jobs', { kind: 'import', title: 'x', params: settings }, evil);
    expect(made.status).toBe(403);
    expect((await get('/api/jobs')).body.data).toEqual([]);
    const id = await draft([row('a@example.com')]);
    expect((await s.call('POST', `/api/jobs/${id}/rows`, { rows: [row('b@example.com')] }, evil)).status).toBe(403);
    expect((await s.call('POST', `/api/jobs/${id}/start`, undefined, { 'sec-fetch-site': 'cross-site' })).status).toBe(
      403,
    );
    expect((await get(`/api/jobs/${id}`)).body.data).toMatchObject({ state: 'draft', counts: { total: 1 } });
    expect(await contact('a@example.com')).toBeNull();
  });

  it('refuses a body over 1 MB with 413, taking none of its rows', async () => {
    const id = await draft();
    const big = { rows: [row('a@example.com', { first_name: 'x'.repeat(1024 * 1024) })] };
    const { status, body } = await post(`/api/jobs/${id}/rows`, big);
    expect([status, body.error.message]).toEqual([413, 'The request is larger than the 1 MB Lark Admin accepts.']);
    expect((await get(`/api/jobs/${id}`)).body.data.counts.total).toBe(0);
  });
});

describe('statuses', () => {
  it('gives a new contact its row’s status, and changes an existing one’s only when the job says so', async () => {
    await post('/v1/contacts', { fields: { email_address: 'kept@example.com' }, status: 'UNSUBSCRIBED' });
    const { body } = await post('/api/jobs', {
      kind: 'import',
      title: 'Statuses',
      params: { ...settings, statusForExisting: false },
    });
    const id = body.data.id as number;
    const rows = [
      { ...row('kept@example.com'), status: 'SUBSCRIBED' },
      { ...row('new@example.com'), status: 'CLEANED' },
    ];
    expect((await post(`/api/jobs/${id}/rows`, { rows })).status).toBe(200);
    await post(`/api/jobs/${id}/start`);
    await until(id, 'done');
    expect((await contact('kept@example.com')).status).toBe('UNSUBSCRIBED');
    expect((await contact('new@example.com')).status).toBe('CLEANED');
  });
});

describe('controls', () => {
  it('refuses the controls that do not fit the state, and undoes once', async () => {
    const seeded = { fields: { email_address: 'alice@example.com', first_name: 'Alice' }, status: 'UNSUBSCRIBED' };
    expect((await post('/v1/contacts', seeded)).status).toBe(201);
    const id = await draft([
      { ...row('alice@example.com', { first_name: 'Alicia' }), status: 'SUBSCRIBED' },
      row('n@example.com'),
    ]);
    s.hold();
    await post(`/api/jobs/${id}/start`);
    await vi.waitFor(() => expect(s.held()).toBeGreaterThan(0));
    expect((await get(`/api/jobs/${id}`)).body.data.state).toBe('running');
    expect((await post(`/api/jobs/${id}/resume`)).status).toBe(409);
    const early = await post(`/api/jobs/${id}/undo`);
    expect([early.status, early.body.error.message]).toEqual([409, 'Cancel the job first, then undo what it did.']);
    expect((await post(`/api/jobs/${id}/pause`)).status).toBe(200);
    s.release();
    expect((await until(id, 'paused')).counts.done).toBe(0);
    expect((await post(`/api/jobs/${id}/resume`)).status).toBe(200);
    expect((await until(id, 'done')).counts).toMatchObject({ created: 1, updated: 1 });
    expect(await contact('alice@example.com')).toMatchObject({ status: 'SUBSCRIBED', data: { first_name: 'Alicia' } });
    for (const control of ['resume', 'pause', 'cancel'])
      expect((await post(`/api/jobs/${id}/${control}`)).status).toBe(409);

    const undo = await post(`/api/jobs/${id}/undo`);
    expect(undo.status).toBe(201);
    expect(undo.body.data).toMatchObject({ kind: 'undo', undoOf: id, counts: { total: 1 } });
    const again = await post(`/api/jobs/${id}/undo`);
    expect([again.status, again.body.error.message]).toEqual([
      409,
      `This job was already undone (job ${undo.body.data.id}).`,
    ]);
    await until(undo.body.data.id, 'done');
    expect(await contact('alice@example.com')).toMatchObject({ status: 'UNSUBSCRIBED', data: { first_name: 'Alice' } });
    expect((await contact('alice@example.com')).tags).toEqual([]);
    expect(await contact('n@example.com')).not.toBeNull();
    expect((await post(`/api/jobs/${undo.body.data.id}/undo`)).status).toBe(409);
  });
});

describe('rows', () => {
  it('lists the refused rows with their messages, and pages', async () => {
    const id = await draft([row('a@example.com'), row('b@example.com', { shoe_size: 42 }), row('c@example.com')]);
    await post(`/api/jobs/${id}/start`);
    expect((await until(id, 'done')).counts).toMatchObject({ created: 2, refused: 1 });
    const refused = (await get(`/api/jobs/${id}/rows?filter=refused`)).body.data;
    expect(refused).toEqual([
      {
        n: 2,
        input: row('b@example.com', { shoe_size: 42 }),
        step: 'refused',
        outcome: null,
        message: messages.unknownMergeTag('shoe_size'),
      },
    ]);
    const created = (await get(`/api/jobs/${id}/rows?filter=created`)).body.data;
    expect(created.map((r: { n: number }) => r.n)).toEqual([1, 3]);
    expect((await get(`/api/jobs/${id}/rows?after=1&limit=1`)).body.data.map((r: { n: number }) => r.n)).toEqual([2]);
    expect((await get(`/api/jobs/${id}/rows?filter=bogus`)).status).toBe(400);
    // A page size SQLite cannot take is refused in words, never a 500.
    expect((await get(`/api/jobs/${id}/rows?limit=1.5`)).status).toBe(400);
    expect(await contact('b@example.com')).toBeNull();
  });
});
