/** Bulk changes in live mode, against the fake CampaignLark answering 429 to every third tag add. */
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { createRateBudget } from '../../server/jobs/rate-budget.ts';
import { openJobs } from '../../server/jobs/service.ts';
import { createWorkspace, type Backend } from '../../server/workspace.ts';
import { FAKE_KEY, startFakeCampaignLark } from '../support/fake-campaignlark.ts';
import { requester } from './sandbox-client.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function liveAdmin() {
  const fake = await startFakeCampaignLark();
  cleanups.push(fake.close);
  const backend: Backend = { mode: 'live', apiUrl: fake.apiUrl, apiKey: FAKE_KEY, timeoutMs: 2000 };
  const workspace = createWorkspace(backend, createRateBudget(), () => {});
  const patience = { tries: 4, backoffMs: () => 20, maxRetryAfterMs: 50 };
  const jobs = openJobs({ dataDir: ':memory:', retentionDays: 30, send: workspace.send, log: () => {}, patience });
  cleanups.push(() => jobs.close());
  const app = createApp({ backend, workspace, jobsApi: jobs.api, hostNames: new Set(['localhost']), log: () => {} });
  const call = requester(app);
  const done = async (id: number) => {
    for (let tries = 0; tries < 400; tries++) {
      const job = (await call('GET', `/api/jobs/${id}`)).body.data;
      if (job.state === 'done') return job;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the job never finished');
  };
  return { fake, call, done };
}

describe('a bulk change in live mode', () => {
  it('waits out 429s, tags every contact once, and its undo takes the tag off again', async () => {
    const admin = await liveAdmin();
    const emails = Array.from({ length: 30 }, (_, n) => `live${n}@example.com`);
    for (const email of emails)
      expect(
        (await admin.call('POST', '/v1/contacts', { fields: { email_address: email }, status: 'SUBSCRIBED' })).status,
      ).toBe(201);
    let adds = 0;
    let limited = 0;
    admin.fake.inject((request) => {
      if (!request.path.endsWith('/tags/add') || ++adds % 3 !== 0) return undefined;
      limited += 1;
      return {
        status: 429,
        headers: { 'Retry-After': '0' },
        body: JSON.stringify({ error: { message: 'Too many requests.' } }),
      };
    });
    const created = await admin.call('POST', '/api/jobs', {
      kind: 'bulk',
      title: 'Tag',
      params: { action: 'add-tags', tagIds: [2] },
    });
    const id: number = created.body.data.id;
    await admin.call('POST', `/api/jobs/${id}/rows`, { rows: emails.map((email) => ({ email })) });
    await admin.call('POST', `/api/jobs/${id}/start`);
    const job = await admin.done(id);
    expect(job.counts).toMatchObject({ total: 30, updated: 30, refused: 0 });
    expect(limited).toBeGreaterThan(5);
    const tagsOf = async (email: string) =>
      (await admin.call('GET', `/v1/contacts/by-email?email=${email}`)).body.data.tags.map(
        (tag: { id: number }) => tag.id,
      );
    for (const email of emails) expect(await tagsOf(email)).toEqual([2]);

    admin.fake.clear();
    const undo = await admin.call('POST', `/api/jobs/${id}/undo`);
    expect((await admin.done(undo.body.data.id)).counts).toMatchObject({ updated: 30, refused: 0 });
    for (const email of emails) expect(await tagsOf(email)).toEqual([]);
  });

  it.each([
    [{ action: 'remove-tags', tagIds: [1] }, (contact: any) => expect(contact.tags).toEqual([])],
    [{ action: 'set-status', status: 'UNSUBSCRIBED' }, (contact: any) => expect(contact.status).toBe('UNSUBSCRIBED')],
    [
      { action: 'set-field', mergeTag: 'first_name', value: 'Pat' },
      (contact: any) => expect(contact.data.first_name).toBe('Pat'),
    ],
    [
      { action: 'clear-field', mergeTag: 'first_name' },
      (contact: any) => expect(contact.data.first_name).toBeUndefined(),
    ],
  ])('makes %o through 429s on its writes', async (params, check) => {
    const admin = await liveAdmin();
    const emails = Array.from({ length: 9 }, (_, n) => `each${n}@example.com`);
    for (const email of emails)
      await admin.call('POST', '/v1/contacts', {
        fields: { email_address: email, first_name: 'Kim' },
        status: 'SUBSCRIBED',
        tags: [1],
      });
    let writes = 0;
    admin.fake.inject((request) =>
      request.method === 'POST' && request.path !== '/contacts/search' && ++writes % 2 === 0
        ? {
            status: 429,
            headers: { 'Retry-After': '0' },
            body: JSON.stringify({ error: { message: 'Too many requests.' } }),
          }
        : undefined,
    );
    const created = await admin.call('POST', '/api/jobs', { kind: 'bulk', title: 'Each', params });
    const id: number = created.body.data.id;
    await admin.call('POST', `/api/jobs/${id}/rows`, { rows: emails.map((email) => ({ email })) });
    await admin.call('POST', `/api/jobs/${id}/start`);
    expect((await admin.done(id)).counts).toMatchObject({ total: 9, updated: 9, refused: 0 });
    admin.fake.clear();
    for (const email of emails) check((await admin.call('GET', `/v1/contacts/by-email?email=${email}`)).body.data);
  });
});
