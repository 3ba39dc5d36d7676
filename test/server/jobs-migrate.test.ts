/** Moving the holders of dropdown options as a job: the safe order, a failure part-way, and undo. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../server/app.ts';
import { createRateBudget } from '../../server/jobs/rate-budget.ts';
import { openJobs } from '../../server/jobs/service.ts';
import { openStore } from '../../server/sandbox/store.ts';
import { createWorkspace, type Backend } from '../../server/workspace.ts';
import { requester } from './sandbox-client.ts';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** `failAfter` makes every upsert past a count answer 503; `refuse` has CampaignLark refuse one contact's. */
function server({ refuse }: { refuse?: string } = {}) {
  const backend: Backend = { mode: 'sandbox', store: openStore(':memory:'), requestsPerSecond: 100_000 };
  const workspace = createWorkspace(backend, createRateBudget({ perSecond: 100_000 }), () => {});
  let upserts = 0;
  let failFrom = Infinity;
  const send = (method: string, path: string, body?: unknown) => {
    if (path === '/contacts/upsert' && (body as { email_address?: string }).email_address === refuse)
      return Promise.resolve(Response.json({ error: { message: 'Validation error' } }, { status: 422 }));
    if (path === '/contacts/upsert' && ++upserts > failFrom)
      return Promise.resolve(Response.json({ error: { message: 'Service unavailable.' } }, { status: 503 }));
    return workspace.send(method, path, body);
  };
  const patience = { tries: 2, backoffMs: () => 5, maxRetryAfterMs: 20 };
  const jobs = openJobs({ dataDir: ':memory:', retentionDays: 30, send, log: () => {}, patience });
  closers.push(() => jobs.close());
  const app = createApp({ backend, workspace, jobsApi: jobs.api, hostNames: new Set(['localhost']), log: () => {} });
  const call = requester(app);
  const until = async (id: number, state: string) => {
    await vi.waitFor(async () => expect((await call('GET', `/api/jobs/${id}`)).body.data.state).toBe(state), {
      timeout: 10_000,
    });
    return (await call('GET', `/api/jobs/${id}`)).body.data;
  };
  return { call, until, failAfter: (count: number) => (failFrom = upserts + count), heal: () => (failFrom = Infinity) };
}

async function planField(s: ReturnType<typeof server>) {
  const field = await s.call('POST', '/v1/fields', {
    label: 'Plan',
    merge_tag: 'plan',
    type: 'DROPDOWN_SINGLE',
    definition: 'Basic,Pro',
  });
  const emails = Array.from({ length: 12 }, (_, n) => `p${n}@example.com`);
  for (const [n, email] of emails.entries())
    await s.call('POST', '/v1/contacts', {
      fields: { email_address: email, plan: n % 3 === 0 ? 'Pro' : 'Basic' },
      status: 'SUBSCRIBED',
    });
  return { id: field.body.data.id as number, emails };
}

const plans = async (s: ReturnType<typeof server>, emails: string[]) =>
  Promise.all(
    emails.map(async (email) => (await s.call('GET', `/v1/contacts/by-email?email=${email}`)).body.data.data.plan),
  );
const optionsOf = async (s: ReturnType<typeof server>, id: number) =>
  (await s.call('GET', '/v1/fields')).body.data.find((field: { id: number }) => field.id === id).definition;

/** Renames Basic to Starter as the SPA does: the new option first, then the job over every contact. */
async function startRename(s: ReturnType<typeof server>, id: number, emails: string[]) {
  await s.call('PATCH', `/v1/fields/${id}`, {
    label: 'Plan',
    merge_tag: 'plan',
    type: 'DROPDOWN_SINGLE',
    definition: 'Basic,Pro,Starter',
    default_value: '',
    required: false,
  });
  const created = await s.call('POST', '/api/jobs', {
    kind: 'migrate',
    title: 'Rename Basic',
    params: {
      fieldId: id,
      mergeTag: 'plan',
      multiple: false,
      moves: [{ from: 'Basic', to: 'Starter' }],
      initialDefinition: 'Basic,Pro',
      finalDefinition: 'Starter,Pro',
    },
  });
  const job = created.body.data.id as number;
  await s.call('POST', `/api/jobs/${job}/rows`, { rows: emails.map((email) => ({ email })) });
  await s.call('POST', `/api/jobs/${job}/start`);
  return job;
}

describe('moving the holders of an option', () => {
  it('renames Basic to Starter in the safe order, resumes after a failure part-way, and undoes it all', async () => {
    const s = server();
    const { id, emails } = await planField(s);
    s.failAfter(3);
    const job = await startRename(s, id, emails);
    const paused = await s.until(job, 'paused');
    expect(paused.reason).toMatch(/Service unavailable/);
    // Part-way, the old option is still there: no holder is left with a value that is not one.
    expect(await optionsOf(s, id)).toBe('Basic,Pro,Starter');
    s.heal();
    await s.call('POST', `/api/jobs/${job}/resume`);
    const done = await s.until(job, 'done');
    expect(done.counts).toMatchObject({ total: 12, updated: 8, unchanged: 4, refused: 0 });
    expect(await plans(s, emails)).toEqual(emails.map((_, n) => (n % 3 === 0 ? 'Pro' : 'Starter')));
    expect(await optionsOf(s, id)).toBe('Starter,Pro');

    const undo = (await s.call('POST', `/api/jobs/${job}/undo`)).body.data.id as number;
    await s.until(undo, 'done');
    expect(await plans(s, emails)).toEqual(emails.map((_, n) => (n % 3 === 0 ? 'Pro' : 'Basic')));
    expect(await optionsOf(s, id)).toBe('Basic,Pro');
  });

  it('keeps the old option when a holder was refused, and says so', async () => {
    const s = server({ refuse: 'p1@example.com' });
    const { id, emails } = await planField(s);
    const job = await startRename(s, id, emails);
    const paused = await s.until(job, 'paused');
    expect(paused.counts).toMatchObject({ updated: 7, refused: 1 });
    expect(paused.reason).toBe(
      'The job paused: 1 holders could not be moved, so the old options stay; undo, or move them by hand.',
    );
    expect(await optionsOf(s, id)).toBe('Basic,Pro,Starter');
  });
});
