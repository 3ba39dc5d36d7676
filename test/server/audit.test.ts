/** The audit trail: each kind of write through Lark Admin, by whom, and each changed value before and after. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openAccessFile } from '../../server/access/access-file.ts';
import type { Person } from '../../server/access/sessions.ts';
import { createApp } from '../../server/app.ts';
import { auditApi } from '../../server/audit/api.ts';
import { jobWrites } from '../../server/audit/job-writes.ts';
import { createAuditStore, type AuditStore } from '../../server/audit/store.ts';
import { createRateBudget } from '../../server/jobs/rate-budget.ts';
import { openJobs, type Jobs } from '../../server/jobs/service.ts';
import { openStore } from '../../server/sandbox/store.ts';
import { createWorkspace, type Backend } from '../../server/workspace.ts';
import type { AuditEntry } from '../../src/contract/audit.ts';

const JANE: Person = { id: 'jane', name: 'Jane Doe', email: 'jane@example.com', role: 'admin' };

let audit: AuditStore;
let jobs: Jobs;
let call: (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<any>;
let clock: { now: number };

beforeEach(() => {
  clock = { now: Date.parse('2026-11-20T10:00:00Z') };
  audit = createAuditStore(openAccessFile(':memory:'), { now: () => clock.now });
  const backend: Backend = { mode: 'sandbox', store: openStore(':memory:'), requestsPerSecond: 100_000 };
  const workspace = createWorkspace(backend, createRateBudget({ perSecond: 100_000 }), () => {}, audit);
  jobs = openJobs({
    dataDir: ':memory:',
    retentionDays: 30,
    send: workspace.send,
    log: () => {},
    writes: jobWrites(audit),
  });
  const app = createApp({
    backend,
    workspace,
    jobsApi: jobs.api,
    auditApi: auditApi(audit),
    hostNames: new Set(['localhost']),
    access: { signIn: 'open', person: JANE },
    log: () => {},
  });
  call = async (method, path, body, headers = {}) => {
    const response = await app.request(`http://localhost${path}`, {
      method,
      headers: { origin: 'http://localhost', 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, ...(text ? JSON.parse(text) : {}) };
  };
});
afterEach(() => {
  vi.restoreAllMocks();
  return jobs.close();
});

const all = (): AuditEntry[] => audit.activity({}).entries;
const latest = () => all()[0]!;
const about = (email: string) => ({ 'x-lark-contact-email': encodeURIComponent(email) });

async function janeWithCompany() {
  await call('POST', '/v1/fields', { label: 'Company', merge_tag: 'company', type: 'TEXT' });
  const { data } = await call('POST', '/v1/contacts', {
    fields: { email_address: 'jane.roe@example.com', company: 'Initech' },
    status: 'SUBSCRIBED',
  });
  return data as { id: string };
}

describe('a save in a form', () => {
  it('records a field created, changed and deleted, with only the changed attributes', async () => {
    const { data: field } = await call('POST', '/v1/fields', { label: 'Plan', merge_tag: 'plan', type: 'TEXT' });
    expect(latest()).toMatchObject({
      actor: { id: 'jane', name: 'Jane Doe' },
      kind: 'field',
      action: 'created',
      targetId: String(field.id),
      targetName: 'Plan',
      job: null,
    });
    await call('PATCH', `/v1/fields/${field.id}`, { label: 'Price plan', merge_tag: 'plan', type: 'TEXT' });
    expect(latest()).toMatchObject({
      action: 'changed',
      targetName: 'Price plan',
      changes: [{ key: 'label', before: 'Plan', after: 'Price plan' }],
    });
    await call('DELETE', `/v1/fields/${field.id}`);
    expect(latest()).toMatchObject({ action: 'deleted', targetName: 'Price plan' });
  });

  it('records a tag created, renamed and deleted', async () => {
    const { data: tag } = await call('POST', '/v1/tags', { name: 'vip' });
    await call('PATCH', `/v1/tags/${tag.id}`, { name: 'VIP' });
    await call('DELETE', `/v1/tags/${tag.id}`);
    expect(all().map((entry) => [entry.kind, entry.action, entry.targetName])).toEqual([
      ['tag', 'deleted', 'VIP'],
      ['tag', 'changed', 'VIP'],
      ['tag', 'created', 'vip'],
    ]);
    expect(all()[1]!.changes).toEqual([{ key: 'name', before: 'vip', after: 'VIP' }]);
  });

  it('records a contact created with its values, then only the value a partial save changed', async () => {
    const contact = await janeWithCompany();
    expect(latest()).toMatchObject({ kind: 'contact', action: 'created', targetId: contact.id });
    expect(latest().changes).toContainEqual({ key: 'company', before: null, after: 'Initech' });

    await call('POST', '/v1/contacts/upsert', {
      email_address: 'jane.roe@example.com',
      fields: { company: 'Globex' },
      partial_update: true,
    });
    expect(latest()).toMatchObject({
      action: 'changed',
      targetName: 'jane.roe@example.com',
      changes: [{ key: 'company', before: 'Initech', after: 'Globex' }],
    });
    // A save that changes nothing leaves no entry.
    const count = all().length;
    await call('POST', '/v1/contacts/upsert', {
      email_address: 'jane.roe@example.com',
      fields: { company: 'Globex' },
      partial_update: true,
    });
    expect(all()).toHaveLength(count);
  });

  it('records a change of address (PUT) and tags added and removed, reading the contact the SPA names', async () => {
    const contact = await janeWithCompany();
    const { data: tag } = await call('POST', '/v1/tags', { name: 'vip' });
    await call('POST', `/v1/contacts/${contact.id}/tags/add`, { tag_ids: [tag.id] }, about('jane.roe@example.com'));
    expect(latest().changes).toEqual([{ key: 'tags', before: [], after: [tag.id] }]);
    await call('POST', `/v1/contacts/${contact.id}/tags/remove`, { tag_ids: [tag.id] }, about('jane.roe@example.com'));
    expect(latest().changes).toEqual([{ key: 'tags', before: [tag.id], after: [] }]);

    await call(
      'PUT',
      `/v1/contacts/${contact.id}`,
      { fields: { email_address: 'jane@globex.example', company: 'Initech' }, status: 'SUBSCRIBED', tags: [] },
      about('jane.roe@example.com'),
    );
    expect(latest()).toMatchObject({
      targetName: 'jane@globex.example',
      changes: [{ key: 'email_address', before: 'jane.roe@example.com', after: 'jane@globex.example' }],
    });
  });

  it('says the before is not known when the contact named is not the one written (or none is named)', async () => {
    const contact = await janeWithCompany();
    // Long enough after this browser last saw the contact that the server must read it itself.
    const later = Date.now() + 11_000;
    vi.spyOn(Date, 'now').mockImplementation(() => later);
    const { data: tag } = await call('POST', '/v1/tags', { name: 'a' });
    await call('POST', `/v1/contacts/${contact.id}/tags/add`, { tag_ids: [tag.id] }, about('someone.else@example.com'));
    expect(latest().changes).toEqual([{ key: 'tags', before: null, after: [tag.id], known: false }]);
    await call('POST', `/v1/contacts/${contact.id}/tags/remove`, { tag_ids: [tag.id] });
    // Its own write's answer is the before of the next.
    expect(latest().changes).toEqual([{ key: 'tags', before: [tag.id], after: [] }]);
  });

  it('records nothing for a refused write', async () => {
    const count = all().length;
    expect((await call('POST', '/v1/contacts', { fields: {}, status: 'SUBSCRIBED' })).status).toBe(400);
    expect(all()).toHaveLength(count);
  });
});

describe('a job', () => {
  const settle = async (id: number) => {
    for (let i = 0; i < 200; i++) {
      const { data } = await call('GET', `/api/jobs/${id}`);
      if (data.state === 'done') return data;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error('the job did not finish');
  };

  it('records each row on the account of who started it, and its undo, each row once', async () => {
    await janeWithCompany();
    const settings = { mode: 'add-and-update', newStatus: 'SUBSCRIBED', tagIds: [] };
    const { data: job } = await call('POST', '/api/jobs', { kind: 'import', title: 'Spring', params: settings });
    await call('POST', `/api/jobs/${job.id}/rows`, {
      rows: [
        { email: 'jane.roe@example.com', fields: { company: 'Hooli' } },
        { email: 'new@example.com', fields: { company: 'Pied Piper' } },
      ],
    });
    await call('POST', `/api/jobs/${job.id}/start`);
    await settle(job.id);
    const rows = all().filter((entry) => entry.job?.id === job.id);
    expect(rows.map((entry) => [entry.action, entry.targetName, entry.job])).toEqual([
      ['created', 'new@example.com', { id: job.id, row: 2 }],
      ['changed', 'jane.roe@example.com', { id: job.id, row: 1 }],
    ]);
    expect(rows[1]!.changes).toEqual([{ key: 'company', before: 'Initech', after: 'Hooli' }]);
    expect(rows[1]!.actor).toEqual({ id: 'jane', name: 'Jane Doe' });

    const { data: undo } = await call('POST', `/api/jobs/${job.id}/undo`);
    await settle(undo.id);
    expect(all().find((entry) => entry.job?.id === undo.id)).toMatchObject({
      changes: [{ key: 'company', before: 'Hooli', after: 'Initech' }],
      job: { id: undo.id, row: 1 },
    });

    // A row taken up again after a restart is told again: it stays one entry.
    const before = all().length;
    jobWrites(audit).row(
      { ...job, owner: { id: 'jane', name: 'Jane Doe' } },
      { n: 1, input: { email: 'x@example.com' } } as never,
      { id: 'x', status: 'SUBSCRIBED', data: {}, tags: [] },
      { id: 'x', status: 'UNSUBSCRIBED', data: {}, tags: [] },
    );
    expect(all()).toHaveLength(before);
  });
});

describe('reading the trail', () => {
  it('gives a contact its history, and the activity by person, kind and day, newest first, in pages', async () => {
    const contact = await janeWithCompany();
    clock.now = Date.parse('2026-11-22T09:00:00Z');
    await call('POST', '/v1/tags', { name: 'later' });
    const history = await call('GET', `/api/history/contact/${contact.id}`);
    expect(history.data.entries.map((entry: AuditEntry) => entry.action)).toEqual(['created']);
    const tags = await call('GET', '/api/activity?kind=tag');
    expect(tags.data.entries.map((entry: AuditEntry) => entry.targetName)).toEqual(['later']);
    expect(tags.data.actors).toEqual([{ id: 'jane', name: 'Jane Doe' }]);
    // Only the first page lists the people: an export reads every page.
    const older = await call('GET', `/api/activity?before=${tags.data.entries[0].id + 1}`);
    expect(older.data.entries.length).toBeGreaterThan(0);
    expect(older.data).not.toHaveProperty('actors');
    const day = await call('GET', '/api/activity?from=2026-11-20&to=2026-11-20');
    expect(day.data.entries).toHaveLength(2);
    expect((await call('GET', '/api/activity?actor=someone')).data.entries).toEqual([]);
    expect((await call('GET', '/api/activity?from=yesterday')).status).toBe(400);
    const first = audit.activity({}, undefined, 2);
    expect(first.entries).toHaveLength(2);
    expect(audit.activity({}, first.next!, 2).entries.map((entry) => entry.targetName)).toEqual(['Company']);
  });

  it('keeps entries for AUDIT_RETENTION_DAYS, and never stores the API key', () => {
    const redacting = createAuditStore(openAccessFile(':memory:'), {
      redact: (text) => text.replaceAll('cl_secret_key', '[redacted]'),
      now: () => clock.now,
    });
    redacting.record({
      actor: { id: 'jane', name: 'Jane' },
      kind: 'contact',
      action: 'changed',
      targetId: 'x',
      targetName: 'x@example.com',
      changes: [{ key: 'notes', before: null, after: 'pasted cl_secret_key by mistake' }],
      job: null,
    });
    expect(JSON.stringify(redacting.activity({}))).not.toContain('cl_secret_key');
    clock.now += 366 * 86_400_000;
    expect(redacting.purge(365)).toBe(1);
  });
});
