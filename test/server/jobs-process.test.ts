/**
 * The job runner inside the real server process: an import that is killed (SIGKILL) or stopped
 * (SIGTERM) part-way resumes at the next start, and in the end every row is applied once and
 * recorded once.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { JobRowView, JobView } from '../../src/contract/jobs.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';

const ROWS = 600;

const running: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.kill()));
});

/** A workspace file and a DATA_DIR that outlive one server, so a restart finds both. */
function lasting() {
  const folder = mkdtempSync(join(tmpdir(), 'lark-jobs-process-'));
  return { SANDBOX_DB: join(folder, 'workspace.sqlite'), DATA_DIR: folder };
}

async function start(env: Record<string, string>) {
  const server = await startServer(env);
  running.push(server);
  return server;
}

/** A request as the SPA sends it: same origin, JSON. */
async function call(url: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { origin: url, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

const jobOf = async (url: string, id: number): Promise<JobView> =>
  (await call(url, 'GET', `/api/jobs/${id}`)).body.data;

async function until(url: string, id: number, ready: (job: JobView) => boolean, timeoutMs = 40_000): Promise<JobView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await jobOf(url, id);
    if (ready(job)) return job;
    if (Date.now() > deadline) throw new Error(`the job never got there: ${JSON.stringify(job)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const emailOf = (n: number) => `row${n}@jobs.example.com`;
const nameOf = (n: number) => `Name ${n}`;

/** A started import of ROWS new contacts, each with its own first name and the newsletter tag. */
async function startImport(url: string) {
  const tags = await call(url, 'GET', '/v1/tags?limit=100');
  const tagId: number = tags.body.data.tags.find((tag: { name: string }) => tag.name === 'newsletter').id;
  const created = await call(url, 'POST', '/api/jobs', {
    kind: 'import',
    title: 'Process import',
    params: { mode: 'add-and-update', newStatus: 'SUBSCRIBED', tagIds: [tagId] },
  });
  expect(created.status).toBe(201);
  const id: number = created.body.data.id;
  const rows = Array.from({ length: ROWS }, (_, i) => ({
    email: emailOf(i + 1),
    fields: { first_name: nameOf(i + 1) },
  }));
  expect((await call(url, 'POST', `/api/jobs/${id}/rows`, { rows })).status).toBe(200);
  expect((await call(url, 'POST', `/api/jobs/${id}/start`)).status).toBe(200);
  return { id, tagId };
}

/** Interrupts the job part-way, restarts on the same files, and waits for the end. */
async function interruptAndFinish(end: (server: RunningServer) => Promise<void>) {
  const env = lasting();
  const first = await start(env);
  const { id, tagId } = await startImport(first.url);
  const partWay = await until(first.url, id, (job) => job.counts.done >= 60);
  expect(partWay.state).toBe('running');
  expect(partWay.counts.done).toBeLessThan(ROWS);
  // Where the kill falls is up to the machine (usually with rows read and not yet written, but not
  // always), so the test holds the outcome to account, not the moment.
  await end(first);

  const second = await start(env);
  const resumed = await jobOf(second.url, id);
  // No acknowledged row is lost.
  expect(resumed.counts.done).toBeGreaterThanOrEqual(partWay.counts.done);
  expect(resumed.counts.done).toBeLessThan(ROWS);
  const finished = await until(second.url, id, (job) => job.state === 'done' || job.state === 'paused');
  return { url: second.url, id, tagId, first, finished };
}

async function expectAppliedOnce(url: string, id: number, tagId: number, finished: JobView) {
  // Every row is new, so each is 'created' even when it was sent again after the interruption.
  expect(finished).toMatchObject({
    state: 'done',
    reason: null,
    counts: { total: ROWS, done: ROWS, created: ROWS, updated: 0, unchanged: 0, skipped: 0, refused: 0 },
  });

  const rows: JobRowView[] = [];
  for (let after = 0; ;) {
    const page: JobRowView[] = (await call(url, 'GET', `/api/jobs/${id}/rows?after=${after}&limit=1000`)).body.data;
    if (page.length === 0) break;
    rows.push(...page);
    after = page.at(-1)!.n;
  }
  expect(rows.map((row) => row.n)).toEqual(Array.from({ length: ROWS }, (_, i) => i + 1));
  expect(rows.filter((row) => row.step !== 'done' || row.outcome !== 'created')).toEqual([]);

  const contacts: { data: Record<string, unknown>; tags: { id: number }[]; status: string }[] = [];
  let totalCount = -1;
  for (let page = 1; ; page++) {
    const answer = await call(url, 'POST', '/v1/contacts/search', { limit: 250, page });
    expect(answer.status).toBe(200);
    contacts.push(...answer.body.data.contacts);
    totalCount = answer.body.data.pagination.total_count;
    if (page >= answer.body.data.pagination.total_pages) break;
  }
  expect(totalCount).toBe(ROWS);
  expect(contacts).toHaveLength(ROWS);
  const byEmail = new Map(contacts.map((contact) => [contact.data.email_address, contact]));
  expect(byEmail.size).toBe(ROWS);
  for (let n = 1; n <= ROWS; n++) {
    const contact = byEmail.get(emailOf(n));
    expect(contact?.data.first_name, emailOf(n)).toBe(nameOf(n));
    expect(contact?.status).toBe('SUBSCRIBED');
    expect(contact?.tags.map((tag) => tag.id)).toEqual([tagId]);
  }
}

describe('an import in the server process', () => {
  it('survives SIGKILL part-way: the restarted server finishes it, each row applied and recorded once', async () => {
    const { url, id, tagId, finished } = await interruptAndFinish((server) => server.kill());
    await expectAppliedOnce(url, id, tagId, finished);
  }, 60_000);

  it('survives SIGTERM part-way: the server exits cleanly and the restarted one finishes the job', async () => {
    const { url, id, tagId, first, finished } = await interruptAndFinish((server) => server.stop());
    expect(first.child.exitCode).toBe(0);
    expect(first.output()).not.toMatch(/stopped|Error/);
    await expectAppliedOnce(url, id, tagId, finished);
  }, 60_000);
});
