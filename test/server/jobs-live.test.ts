/**
 * The job runner in live mode, against the fake CampaignLark: 429s, 503s, timeouts and lost
 * answers are waited out and sent again without duplicating anything, a workspace that keeps
 * failing pauses the job with a reason, and the API key never reaches /api/jobs.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { JobRowView, JobView } from '../../src/contract/jobs.ts';
import { createApp } from '../../server/app.ts';
import { createRateBudget } from '../../server/jobs/rate-budget.ts';
import { openJobs, type Jobs } from '../../server/jobs/service.ts';
import { createWorkspace, type Backend } from '../../server/workspace.ts';
import { FAKE_KEY, startFakeCampaignLark } from '../support/fake-campaignlark.ts';

type Sent = { method: string; path: string; body: any };

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/**
 * Lark Admin in-process in live mode. `loseAnswer` names upserts whose answer is lost after the
 * fake applied them (a connection dropped on the way back), which the runner sees as a 502.
 */
async function liveAdmin(loseAnswer: (body: any) => boolean = () => false) {
  const fake = await startFakeCampaignLark();
  cleanups.push(fake.close);
  const backend: Backend = { mode: 'live', apiUrl: fake.apiUrl, apiKey: FAKE_KEY, timeoutMs: 2000 };
  const workspace = createWorkspace(backend, createRateBudget(), () => {});
  const sent: Sent[] = [];
  const send = async (method: string, path: string, body?: unknown) => {
    sent.push({ method, path, body });
    const response = await workspace.send(method, path, body);
    if (path === '/contacts/upsert' && loseAnswer(body)) {
      return Response.json(
        { error: { message: 'Lark Admin could not reach CampaignLark (ECONNRESET).' } },
        { status: 502 },
      );
    }
    return response;
  };
  const jobs: Jobs = openJobs({
    dataDir: ':memory:',
    retentionDays: 30,
    send,
    log: () => {},
    patience: { tries: 4, backoffMs: () => 20, maxRetryAfterMs: 50 },
  });
  cleanups.push(() => jobs.close());
  const app = createApp({ backend, workspace, jobsApi: jobs.api, hostNames: new Set(['localhost']), log: () => {} });

  async function call(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; text: string; body: any }> {
    const response = await app.request(`http://localhost${path}`, {
      method,
      headers: { origin: 'http://localhost', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, text, body: JSON.parse(text) };
  }

  const job = async (id: number): Promise<JobView> => (await call('GET', `/api/jobs/${id}`)).body.data;
  async function until(id: number, ready: (job: JobView) => boolean, timeoutMs = 20_000): Promise<JobView> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const current = await job(id);
      if (ready(current)) return current;
      if (Date.now() > deadline) throw new Error(`the job never got there: ${JSON.stringify(current)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  return { fake, app, call, job, until, sent };
}

const emailOf = (n: number) => `live${n}@example.com`;
const fieldsOf = (n: number) => ({ first_name: `First ${n}`, last_name: `Last ${n}` });

async function startImport(admin: Awaited<ReturnType<typeof liveAdmin>>, count: number): Promise<number> {
  const created = await admin.call('POST', '/api/jobs', {
    kind: 'import',
    title: 'Live import',
    params: { mode: 'add-and-update', newStatus: 'SUBSCRIBED', tagIds: [] },
  });
  expect(created.status).toBe(201);
  const id: number = created.body.data.id;
  const rows = Array.from({ length: count }, (_, i) => ({ email: emailOf(i + 1), fields: fieldsOf(i + 1) }));
  expect((await admin.call('POST', `/api/jobs/${id}/rows`, { rows })).status).toBe(200);
  expect((await admin.call('POST', `/api/jobs/${id}/start`)).status).toBe(200);
  return id;
}

/** Every contact in the fake's workspace, read back through Lark Admin's /v1. */
async function workspaceContacts(admin: Awaited<ReturnType<typeof liveAdmin>>) {
  const contacts: { status: string; data: Record<string, unknown> }[] = [];
  for (let page = 1; ; page++) {
    const answer = await admin.call('POST', '/v1/contacts/search', { limit: 250, page });
    expect(answer.status).toBe(200);
    contacts.push(...answer.body.data.contacts);
    if (page >= answer.body.data.pagination.total_pages) return contacts;
  }
}

async function expectEachContactOnce(admin: Awaited<ReturnType<typeof liveAdmin>>, count: number) {
  const contacts = await workspaceContacts(admin);
  expect(contacts).toHaveLength(count);
  const byEmail = new Map(contacts.map((contact) => [contact.data.email_address, contact]));
  expect(byEmail.size).toBe(count);
  for (let n = 1; n <= count; n++) {
    expect(byEmail.get(emailOf(n))?.data, emailOf(n)).toEqual({ email_address: emailOf(n), ...fieldsOf(n) });
    expect(byEmail.get(emailOf(n))?.status).toBe('SUBSCRIBED');
  }
}

const upserts = (sent: Sent[]) => sent.filter((request) => request.path === '/contacts/upsert');

describe('a live import', () => {
  it('waits out 429s, 503s, timeouts and lost answers, and applies every row once', async () => {
    const ROWS = 150;
    const lostFor = new Set([emailOf(7), emailOf(77)]);
    const admin = await liveAdmin((body) => lostFor.delete(body.email_address));
    let seen = 0;
    const faults = { tooMany: 0, unavailable: 0, slow: 0 };
    admin.fake.inject((request) => {
      if (request.path !== '/contacts/upsert') return undefined;
      seen += 1;
      if (seen === 12 || seen === 90) {
        faults.unavailable += 1;
        return { status: 503, body: JSON.stringify({ error: { message: 'Service unavailable.' } }) };
      }
      // Slower than the proxy's 2 s: Lark Admin gives up and drops the connection.
      if (seen === 45 || seen === 140) {
        faults.slow += 1;
        return { status: 200, body: '{}', delayMs: 2500 };
      }
      if (seen % 9 === 0) {
        faults.tooMany += 1;
        return {
          status: 429,
          headers: { 'Retry-After': '1' },
          body: JSON.stringify({ error: { message: 'Too many requests.' } }),
        };
      }
      return undefined;
    });

    const id = await startImport(admin, ROWS);
    const finished = await admin.until(id, (job) => job.state !== 'running' && job.state !== 'queued');
    expect(finished).toMatchObject({
      state: 'done',
      reason: null,
      counts: { total: ROWS, done: ROWS, created: ROWS, updated: 0, unchanged: 0, skipped: 0, refused: 0 },
    });
    expect(faults).toEqual({ tooMany: expect.any(Number), unavailable: 2, slow: 2 });
    expect(faults.tooMany).toBeGreaterThan(0);
    expect(lostFor.size).toBe(0);

    await expectEachContactOnce(admin, ROWS);

    // Every upsert, first try or retry, was partial; the rows whose answer was lost were sent again.
    const sentUpserts = upserts(admin.sent);
    expect(sentUpserts.filter((request) => request.body.partial_update !== true)).toEqual([]);
    for (const email of [emailOf(7), emailOf(77)]) {
      expect(sentUpserts.filter((request) => request.body.email_address === email).length).toBeGreaterThan(1);
    }
    expect(new Set(sentUpserts.map((request) => request.body.email_address)).size).toBe(ROWS);
    const fakeUpserts = admin.fake.received.filter((request) => request.path === '/contacts/upsert');
    expect(fakeUpserts.length).toBe(seen);
    expect(fakeUpserts.length).toBeGreaterThan(ROWS);
    expect(admin.fake.received.every((request) => request.authorization === `Bearer ${FAKE_KEY}`)).toBe(true);
  }, 40_000);

  it('pauses itself with a reason when every upsert fails, never showing the key, and resumes to the end', async () => {
    const ROWS = 60;
    const admin = await liveAdmin();
    admin.fake.inject((request) =>
      request.path === '/contacts/upsert'
        ? {
            status: 503,
            headers: { 'Retry-After': '0' },
            // A workspace that says the key back: Lark Admin must not repeat it.
            body: JSON.stringify({ error: { message: `Down for maintenance (key ${FAKE_KEY}).` } }),
          }
        : undefined,
    );

    const id = await startImport(admin, ROWS);
    const paused = await admin.until(id, (job) => job.state !== 'running' && job.state !== 'queued');
    expect(paused.state).toBe('paused');
    expect(paused.reason).toMatch(
      /^The workspace did not answer \(Down for maintenance .*\), so the job paused at row \d+/,
    );
    expect(paused.counts).toMatchObject({ total: ROWS, done: 0, refused: 0 });
    expect(upserts(admin.sent).length).toBeGreaterThanOrEqual(4);
    expect(await workspaceContacts(admin)).toEqual([]);

    const answers = [
      await admin.call('GET', '/api/jobs'),
      await admin.call('GET', `/api/jobs/${id}`),
      await admin.call('GET', `/api/jobs/${id}/rows?limit=1000`),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.text).not.toContain(FAKE_KEY);
    }
    const rows: JobRowView[] = answers[2]!.body.data;
    expect(rows).toHaveLength(ROWS);
    expect(rows.filter((row) => row.step === 'done' || row.step === 'refused')).toEqual([]);

    admin.fake.clear();
    expect((await admin.call('POST', `/api/jobs/${id}/resume`)).status).toBe(200);
    const finished = await admin.until(id, (job) => job.state !== 'running' && job.state !== 'queued');
    expect(finished).toMatchObject({
      state: 'done',
      reason: null,
      counts: { total: ROWS, done: ROWS, created: ROWS, refused: 0 },
    });
    await expectEachContactOnce(admin, ROWS);
  }, 40_000);

  it('counts a row as created once when its write went through but every answer was lost before the pause', async () => {
    const ROWS = 40;
    let losing = true;
    const admin = await liveAdmin((body) => losing && body.email_address === emailOf(5));
    const id = await startImport(admin, ROWS);
    const paused = await admin.until(id, (job) => job.state !== 'running' && job.state !== 'queued');
    expect(paused.state).toBe('paused');
    expect(paused.reason).toContain('ECONNRESET');
    // The write reached the workspace; only its answers were lost.
    const written = await admin.call('GET', `/v1/contacts/by-email?email=${encodeURIComponent(emailOf(5))}`);
    expect(written.body.data.data).toEqual({ email_address: emailOf(5), ...fieldsOf(5) });

    losing = false;
    expect((await admin.call('POST', `/api/jobs/${id}/resume`)).status).toBe(200);
    const finished = await admin.until(id, (job) => job.state !== 'running' && job.state !== 'queued');
    expect(finished).toMatchObject({
      state: 'done',
      counts: { total: ROWS, done: ROWS, created: ROWS, updated: 0, unchanged: 0, refused: 0 },
    });
    const row = (await admin.call('GET', `/api/jobs/${id}/rows?filter=created&limit=1000`)).body.data.find(
      (candidate: JobRowView) => candidate.n === 5,
    );
    expect(row).toMatchObject({ step: 'done', outcome: 'created' });
    await expectEachContactOnce(admin, ROWS);
  }, 40_000);
});
