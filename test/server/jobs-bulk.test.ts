/** Bulk changes as jobs, over /api/jobs in-process: each action, what it leaves alone, and its undo. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../server/app.ts';
import { createRateBudget } from '../../server/jobs/rate-budget.ts';
import { openJobs } from '../../server/jobs/service.ts';
import { openStore } from '../../server/sandbox/store.ts';
import { createWorkspace, type Backend } from '../../server/workspace.ts';
import { requester } from './sandbox-client.ts';

function server() {
  const backend: Backend = { mode: 'sandbox', store: openStore(':memory:'), requestsPerSecond: 100_000 };
  const workspace = createWorkspace(backend, createRateBudget({ perSecond: 100_000 }), () => {});
  const jobs = openJobs({ dataDir: ':memory:', retentionDays: 30, send: workspace.send, log: () => {} });
  const app = createApp({ backend, workspace, jobsApi: jobs.api, hostNames: new Set(['localhost']), log: () => {} });
  const call = requester(app);
  return { jobs, call };
}

let s: ReturnType<typeof server>;
beforeEach(async () => {
  s = server();
  expect((await s.call('POST', '/v1/fields', { label: 'Company', merge_tag: 'company', type: 'TEXT' })).status).toBe(
    201,
  );
  for (const [email, company, status, tags] of [
    ['ann@example.com', 'Initech', 'SUBSCRIBED', [1]],
    ['bo@example.com', 'Globex', 'UNSUBSCRIBED', []],
    ['cy@example.com', '', 'SUBSCRIBED', [1, 2]],
  ] as const)
    await s.call('POST', '/v1/contacts', {
      fields: { email_address: email, ...(company ? { company } : {}) },
      status,
      tags,
    });
});
afterEach(() => s.jobs.close());

const EMAILS = ['ann@example.com', 'bo@example.com', 'cy@example.com'];
const contact = async (email: string) =>
  (await s.call('GET', `/v1/contacts/by-email?email=${encodeURIComponent(email)}`)).body.data;
const tagsOf = async (email: string) => (await contact(email)).tags.map((tag: { id: number }) => tag.id);

async function run(params: object, kind = 'bulk') {
  const created = await s.call('POST', '/api/jobs', { kind, title: 'Bulk', params });
  expect(created.status).toBe(201);
  const id: number = created.body.data.id;
  expect((await s.call('POST', `/api/jobs/${id}/rows`, { rows: EMAILS.map((email) => ({ email })) })).status).toBe(200);
  await s.call('POST', `/api/jobs/${id}/start`);
  return finished(id);
}
async function finished(id: number) {
  await vi.waitFor(async () => expect((await s.call('GET', `/api/jobs/${id}`)).body.data.state).toBe('done'), {
    timeout: 10_000,
  });
  return (await s.call('GET', `/api/jobs/${id}`)).body.data;
}
async function undo(id: number) {
  const started = await s.call('POST', `/api/jobs/${id}/undo`);
  expect(started.status).toBe(201);
  return finished(started.body.data.id);
}

describe('bulk changes', () => {
  it('adds tags where they are missing, and undo takes off only those it added', async () => {
    const job = await run({ action: 'add-tags', tagIds: [2] });
    expect(job.counts).toMatchObject({ total: 3, updated: 2, unchanged: 1, refused: 0 });
    expect(await tagsOf('ann@example.com')).toEqual([1, 2]);
    await undo(job.id);
    expect(await tagsOf('ann@example.com')).toEqual([1]);
    expect(await tagsOf('cy@example.com')).toEqual([1, 2]);
  });

  it('removes tags, and undo puts them back', async () => {
    const job = await run({ action: 'remove-tags', tagIds: [1] });
    expect(job.counts).toMatchObject({ updated: 2, unchanged: 1 });
    expect(await tagsOf('cy@example.com')).toEqual([2]);
    await undo(job.id);
    expect(await tagsOf('ann@example.com')).toEqual([1]);
    expect(await tagsOf('cy@example.com')).toEqual([1, 2]);
  });

  it('changes the status, touching nothing else, and undo restores each contact’s own', async () => {
    const job = await run({ action: 'set-status', status: 'CLEANED' });
    expect(job.counts).toMatchObject({ updated: 3 });
    expect(await contact('ann@example.com')).toMatchObject({ status: 'CLEANED', data: { company: 'Initech' } });
    await undo(job.id);
    expect((await contact('ann@example.com')).status).toBe('SUBSCRIBED');
    expect((await contact('bo@example.com')).status).toBe('UNSUBSCRIBED');
  });

  it('sets a field and clears a field, each undone to the values before', async () => {
    const set = await run({ action: 'set-field', mergeTag: 'company', value: 'Globex' });
    expect(set.counts).toMatchObject({ updated: 2, unchanged: 1 });
    expect((await contact('cy@example.com')).data.company).toBe('Globex');
    await undo(set.id);
    expect((await contact('ann@example.com')).data.company).toBe('Initech');
    expect((await contact('cy@example.com')).data.company).toBeUndefined();

    const clear = await run({ action: 'clear-field', mergeTag: 'company' });
    expect(clear.counts).toMatchObject({ updated: 2, unchanged: 1 });
    expect((await contact('ann@example.com')).data.company).toBeUndefined();
    await undo(clear.id);
    expect((await contact('bo@example.com')).data.company).toBe('Globex');
  });

  it('refuses an action it does not know, and rows for an undo (which starts as it is made)', async () => {
    const refused = await s.call('POST', '/api/jobs', { kind: 'bulk', title: 'x', params: { action: 'delete' } });
    expect(refused.status).toBe(400);
    const job = await run({ action: 'add-tags', tagIds: [2] });
    const started = await s.call('POST', `/api/jobs/${job.id}/undo`);
    const rows = await s.call('POST', `/api/jobs/${started.body.data.id}/rows`, { rows: [{ email: 'a@b.co' }] });
    expect(rows.status).toBe(409);
    expect(rows.body).toEqual({ error: { message: 'This job has started; it takes no more rows.' } });
  });
});
