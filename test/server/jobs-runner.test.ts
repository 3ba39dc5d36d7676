/** The job runner and its row handlers, in-process, against an in-memory sandbox workspace. */
import { describe, expect, it, vi } from 'vitest';
import { bulkRow } from '../../server/jobs/bulk-rows.ts';
import { migrateRow } from '../../server/jobs/migrate-rows.ts';
import { importRow } from '../../server/jobs/import-rows.ts';
import { createRateBudget } from '../../server/jobs/rate-budget.ts';
import { createRunner } from '../../server/jobs/runner.ts';
import { snapshotOf } from '../../server/jobs/snapshot.ts';
import { openJobStore } from '../../server/jobs/store.ts';
import { planTagCreated, tagRow } from '../../server/jobs/tag-rows.ts';
import { planUndo, undoRow } from '../../server/jobs/undo-rows.ts';
import { openStore } from '../../server/sandbox/store.ts';
import { createWorkspace } from '../../server/workspace.ts';
import type { ImportParams, ImportRowInput } from '../../src/contract/jobs.ts';
import { messages } from '../../src/contract/messages.ts';

/** Sees each request a job sends first: may hold it, or answer in the workspace's place. */
type Before = (method: string, path: string, body?: unknown) => Response | void | Promise<Response | void>;
const answer = (status: number, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify({ error: { message: `Answer ${status}` } }), { status, headers });

function setup(options: { before?: Before; now?: () => number; concurrency?: number } = {}) {
  const sandbox = openStore(':memory:');
  const budget = createRateBudget({ perSecond: 100_000 });
  const workspace = createWorkspace({ mode: 'sandbox', store: sandbox, requestsPerSecond: 100_000 }, budget, () => {});
  const store = openJobStore(':memory:', options.now);
  const runner = createRunner({
    store,
    send: async (method, path, body) =>
      (await options.before?.(method, path, body)) ?? workspace.send(method, path, body),
    handlers: { import: importRow, undo: undoRow, tag: tagRow, bulk: bulkRow, migrate: migrateRow },
    patience: { tries: 3, backoffMs: () => 5, maxRetryAfterMs: 20 },
    concurrency: options.concurrency,
  });
  async function v1(method: string, path: string, body?: unknown) {
    const init = { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
    const response = await workspace.routes.request(`http://workspace${path}`, init);
    return { status: response.status, body: (await response.json()) as any };
  }
  /** A contact as read back through /v1: its status, tag ids and values; null when there is none. */
  async function contact(email: string) {
    const { status, body } = await v1('GET', `/contacts/by-email?email=${encodeURIComponent(email)}`);
    const { status: state, tags, data } = body.data ?? {};
    return status === 200 ? { status: state, tags: tags.map((tag: { id: number }) => tag.id), data } : null;
  }
  async function seed(email: string, fields: object, status = 'SUBSCRIBED', tags: number[] = []) {
    const created = await v1('POST', '/contacts', { fields: { email_address: email, ...fields }, status, tags });
    expect(created.status).toBe(201);
    return created.body.data;
  }
  const start = (id: number) => (store.setState(id, 'queued'), runner.wake());
  async function finished(id: number, state = 'done') {
    await vi.waitFor(() => expect(store.job(id)!.state).toBe(state), { timeout: 10_000 });
    await runner.idle();
    return store.job(id)!;
  }
  function importJob(rows: ImportRowInput[], params: Partial<ImportParams> = {}) {
    const id = store.createJob('import', 'Spring list', { ...IMPORT, ...params }).id;
    store.appendRows(id, rows);
    return id;
  }
  const run = (id: number) => (start(id), finished(id));
  const runImport = (rows: ImportRowInput[], params: Partial<ImportParams> = {}) => run(importJob(rows, params));
  const undo = (id: number) => run(planUndo(store, store.job(id)!, TESTER).id);
  const rows = (id: number) => store.rows(id, 'all', 0, 1000);
  const contactCount = () => (sandbox.db.prepare('SELECT count(*) AS n FROM contacts').get() as { n: number }).n;
  return { store, runner, v1, contact, seed, start, run, finished, importJob, runImport, undo, rows, contactCount };
}

const TESTER = { id: 'tester', name: 'Test Person' };
const IMPORT: ImportParams = { mode: 'add-and-update', newStatus: 'UNCONFIRMED', tagIds: [1], statusForExisting: true };
const row = (email: string, fields: Record<string, unknown> = {}, status?: string): ImportRowInput =>
  status ? { email, fields, status } : { email, fields };

describe('import', () => {
  it('creates new contacts and updates existing ones with a partial update; its counts add up', async () => {
    const s = setup();
    await s.seed('alice@x.io', { first_name: 'Alice', last_name: 'Liddell' }, 'UNSUBSCRIBED', [2]);
    await s.seed('bob@x.io', { first_name: 'Bob' }, 'SUBSCRIBED', [1]);
    await s.seed('gina@x.io', { first_name: 'Gina' });
    const job = await s.runImport([
      row('carol@x.io', { first_name: 'Carol' }),
      row('dave@x.io', {}, 'SUBSCRIBED'),
      row('alice@x.io', { last_name: 'Pleasance' }),
      row('bob@x.io', { first_name: 'Bob' }),
      row('gina@x.io', {}, 'UNSUBSCRIBED'),
      row('erin@x.io', { shoe_size: 42 }),
    ]);
    const { total, created, updated, unchanged, skipped, refused } = job.counts;
    expect(job.counts).toEqual({ total: 6, done: 6, created: 2, updated: 2, unchanged: 1, skipped: 0, refused: 1 });
    expect(created + updated + unchanged + skipped + refused).toBe(total);
    const outcomes = s.rows(job.id).map((r) => r.outcome ?? r.step);
    expect(outcomes).toEqual(['created', 'created', 'updated', 'unchanged', 'updated', 'refused']);
    expect(s.rows(job.id)[5]!.message).toBe(messages.unknownMergeTag('shoe_size'));
    const carol = { status: 'UNCONFIRMED', tags: [1], data: { email_address: 'carol@x.io', first_name: 'Carol' } };
    expect(await s.contact('carol@x.io')).toEqual(carol);
    expect(await s.contact('dave@x.io')).toMatchObject({ status: 'SUBSCRIBED', tags: [1] });
    const alice = { status: 'UNSUBSCRIBED', tags: [1, 2], data: { first_name: 'Alice', last_name: 'Pleasance' } };
    expect(await s.contact('alice@x.io')).toMatchObject(alice);
    expect(await s.contact('gina@x.io')).toMatchObject({ status: 'UNSUBSCRIBED', data: { first_name: 'Gina' } });
    expect(await s.contact('erin@x.io')).toBeNull();
  });

  it('takes two rows for one address one after the other, so the second sees what the first wrote', async () => {
    const s = setup();
    const rows = [row('zed@x.io', { first_name: 'Zed' }), row('ZED@x.io', { last_name: 'Zulu' }, 'SUBSCRIBED')];
    const job = await s.runImport(rows);
    expect(job.counts).toMatchObject({ total: 2, created: 1, updated: 1, refused: 0 });
    expect(s.rows(job.id)[1]!.before).toMatchObject({ status: 'UNCONFIRMED', data: { first_name: 'Zed' } });
    expect(s.contactCount()).toBe(1);
  });

  it("refuses a row with the API's own message and carries on", async () => {
    const s = setup();
    const field = { label: 'Company', merge_tag: 'company', type: 'TEXT', required: true };
    expect((await s.v1('POST', '/fields', field)).status).toBe(201);
    const rows = [row('a@x.io', { first_name: 'A' }), row('b@x.io', { company: 'Acme' })];
    const job = await s.runImport([...rows, row('c@x.io', { company: 'Initech' })]);
    expect(job).toMatchObject({ state: 'done', counts: { done: 3, created: 2, refused: 1 } });
    expect(s.rows(job.id)[0]).toMatchObject({ step: 'refused', message: messages.fieldRequired('Company') });
    expect(await s.contact('a@x.io')).toBeNull();
    expect((await s.contact('c@x.io'))?.data.company).toBe('Initech');
  });

  it.each([
    ['add-only', 'Already in the workspace, and this import only adds.', 'Alice', ['New']],
    ['update-only', 'Not in the workspace, and this import only updates.', 'Changed', []],
  ] as const)('%s skips the rows it does not do', async (mode, note, aliceName, newNames) => {
    const s = setup();
    await s.seed('alice@x.io', { first_name: 'Alice' });
    const rows = [row('alice@x.io', { first_name: 'Changed' }), row('new@x.io', { first_name: 'New' })];
    const job = await s.runImport(rows, { mode });
    expect(job.counts).toMatchObject({ total: 2, done: 2, skipped: 1, refused: 0 });
    expect(s.rows(job.id).find((r) => r.outcome === 'skipped')).toMatchObject({ message: note, after: null });
    expect((await s.contact('alice@x.io'))?.data.first_name).toBe(aliceName);
    expect((await s.contact('alice@x.io'))?.tags).toEqual(mode === 'add-only' ? [] : [1]);
    expect([(await s.contact('new@x.io'))?.data.first_name].filter(Boolean)).toEqual(newNames);
  });
});

describe('undo and tag-created', () => {
  it('restores updated contacts, removes the tags the import added, keeps later changes, leaves created ones', async () => {
    const s = setup();
    await s.seed('alice@x.io', { first_name: 'Alice', last_name: 'Liddell' }, 'UNSUBSCRIBED', [2]);
    await s.seed('bob@x.io', { first_name: 'Bob', last_name: 'Dylan' });
    const job = await s.runImport([
      row('alice@x.io', { first_name: 'Alicia', last_name: null }, 'SUBSCRIBED'),
      row('bob@x.io', { last_name: 'Marley' }, 'UNSUBSCRIBED'),
      row('carol@x.io', { first_name: 'Carol' }),
    ]);
    expect(await s.contact('alice@x.io')).toMatchObject({ status: 'SUBSCRIBED', tags: [1, 2] });
    const later = {
      email_address: 'bob@x.io',
      fields: { last_name: 'Builder' },
      status: 'CLEANED',
      partial_update: true,
    };
    expect((await s.v1('POST', '/contacts/upsert', later)).status).toBe(200);

    const undo = await s.undo(job.id);
    expect(undo.counts).toMatchObject({ total: 2, done: 2, updated: 2, refused: 0 });
    expect(s.store.job(job.id)!.undoneBy).toBe(undo.id);
    expect(await s.contact('alice@x.io')).toEqual({
      status: 'UNSUBSCRIBED',
      tags: [2],
      data: { email_address: 'alice@x.io', first_name: 'Alice', last_name: 'Liddell' },
    });
    expect(await s.contact('bob@x.io')).toMatchObject({ status: 'CLEANED', data: { last_name: 'Builder' }, tags: [] });
    // Undo runs newest first, so an address on two rows ends at its first row's before.
    expect(s.rows(undo.id).map((undone) => (undone.input as { email: string }).email)).toEqual([
      'bob@x.io',
      'alice@x.io',
    ]);
    expect(s.rows(undo.id)[0]!.message).toBe('Kept, as changed since the job: last_name, status.');
    expect(await s.contact('carol@x.io')).toMatchObject({ status: 'UNCONFIRMED', tags: [1] });
  });

  it('tags the contacts an import created, and only those', async () => {
    const s = setup();
    await s.seed('alice@x.io', { first_name: 'Alice' });
    const job = await s.runImport([row('alice@x.io', { last_name: 'L' }), row('c@x.com'), row('d@x.com')]);
    const tag = (await s.v1('POST', '/tags', { name: 'spring import' })).body.data;
    const tagging = await s.run(planTagCreated(s.store, job, tag, TESTER).id);
    expect(tagging.counts).toMatchObject({ total: 2, updated: 2, refused: 0 });
    expect((await s.contact('c@x.com'))?.tags).toEqual([1, tag.id]);
    expect((await s.contact('d@x.com'))?.tags).toEqual([1, tag.id]);
    expect((await s.contact('alice@x.io'))?.tags).toEqual([1]);
  });
});

it.each(['paused', 'cancelled'] as const)('%s: the rows in flight stop and no row is taken', async (state) => {
  let closed = true;
  const held: (() => void)[] = [];
  const before = () => (closed ? new Promise<void>((resolve) => held.push(resolve)) : undefined);
  const s = setup({ concurrency: 2, before });
  const id = s.importJob(Array.from({ length: 10 }, (_, i) => row(`p${i}@x.io`)));
  s.start(id);
  await vi.waitFor(() => expect(held).toHaveLength(2));
  s.runner.stop(id, state);
  closed = false;
  held.forEach((resolve) => resolve());
  const job = await s.finished(id, state);
  expect(job.counts.done).toBe(0);
  expect(s.contactCount()).toBe(0);
  expect(s.rows(id).map((r) => r.step)).toEqual([...Array(2).fill('read'), ...Array(8).fill('pending')]);
  if (state === 'cancelled') return expect(job.finishedAt).not.toBeNull();
  expect((await s.run(id)).counts).toMatchObject({ total: 10, done: 10, created: 10 });
  expect(s.contactCount()).toBe(10);
});

it.each(['read', 'written'] as const)('resumes from %s and keeps the stored before', async (step) => {
  const sent: string[] = [];
  const s = setup({ before: (method, path) => void sent.push(`${method} ${path}`) });
  const before = snapshotOf(await s.seed('alice@x.io', { first_name: 'Alice' }, 'UNSUBSCRIBED', [2]));
  // The write went through before the stop; its answer may or may not have been stored.
  const write = { email_address: 'alice@x.io', fields: { first_name: 'Alicia' }, status: 'SUBSCRIBED' };
  const after = snapshotOf((await s.v1('POST', '/contacts/upsert', { ...write, partial_update: true })).body.data);
  const id = s.importJob([row('alice@x.io', { first_name: 'Alicia' }, 'SUBSCRIBED')]);
  s.store.saveStep(s.rows(id)[0]!, 'read', { before });
  if (step === 'written') s.store.saveStep(s.rows(id)[0]!, 'written', { after, contactId: after.id });
  await s.run(id);
  expect(sent.filter((line) => line.startsWith('GET'))).toEqual([]);
  expect(sent.filter((line) => line.includes('upsert'))).toHaveLength(step === 'read' ? 1 : 0);
  expect(s.rows(id)[0]).toMatchObject({ outcome: 'updated', before });
  expect(await s.contact('alice@x.io')).toMatchObject({ status: 'SUBSCRIBED', tags: [1, 2] });
  await s.undo(id);
  const alice = await s.contact('alice@x.io');
  expect(alice).toMatchObject({ status: 'UNSUBSCRIBED', tags: [2], data: { first_name: 'Alice' } });
});

it('deletes the rows of jobs that ended long ago, keeping the job and its counts', async () => {
  const DAY = 86_400_000;
  let clock = Date.UTC(2025, 0, 1);
  const s = setup({ now: () => clock });
  const old = await s.runImport([row('a@x.io'), row('b@x.io', { nope: 1 })]);
  clock += 20 * DAY;
  const recent = await s.runImport([row('c@x.io')]);
  const draft = s.store.createJob('import', 'Never started', IMPORT);
  clock += 11 * DAY;
  expect(s.store.purge(30)).toBe(2);
  expect(old.counts).toMatchObject({ total: 2, created: 1, refused: 1 });
  expect(s.store.job(old.id)).toMatchObject({ rowsDeleted: true, state: 'done', counts: old.counts });
  expect(s.rows(old.id)).toEqual([]);
  expect(s.store.job(recent.id)!.rowsDeleted).toBe(false);
  expect(s.rows(recent.id)).toHaveLength(1);
  expect(s.store.job(draft.id)).toBeNull();
});

describe('patient calls', () => {
  it('waits out 429 with Retry-After and applies each row once', async () => {
    const tries = new Map<string, number>();
    let refusals = 0;
    const before: Before = (method, path, body) => {
      const key = `${method} ${path} ${JSON.stringify(body)}`;
      tries.set(key, (tries.get(key) ?? 0) + 1);
      if (tries.get(key)! <= 2) return (refusals++, answer(429, { 'Retry-After': '1' }));
    };
    const s = setup({ before });
    await s.seed('alice@x.io', { first_name: 'Alice' });
    const emails = ['alice@x.io', ...Array.from({ length: 5 }, (_, i) => `n${i}@x.io`)];
    const job = await s.runImport(emails.map((email) => row(email, { last_name: 'X' })));
    expect(job.counts).toEqual({ total: 6, done: 6, created: 5, updated: 1, unchanged: 0, skipped: 0, refused: 0 });
    expect(refusals).toBe(2 * tries.size);
    expect(s.contactCount()).toBe(6);
    for (const email of emails) expect(await s.contact(email)).toMatchObject({ tags: [1], data: { last_name: 'X' } });
  });

  it('pauses itself when the workspace keeps answering 503, naming the row, and resumes when it is back', async () => {
    let down = true;
    const s = setup({ before: () => (down ? answer(503) : undefined) });
    const id = s.importJob([row('a@x.io'), row('b@x.io'), row('c@x.io')]);
    s.start(id);
    const paused = await s.finished(id, 'paused');
    expect(paused.reason).toMatch(/did not answer \(Answer 503\), so the job paused at row [123]\./);
    expect(paused.counts.done).toBe(0);
    down = false;
    const job = await s.run(id);
    expect(job).toMatchObject({ reason: null, counts: { total: 3, done: 3, created: 3, refused: 0 } });
    expect(s.contactCount()).toBe(3);
  });
});
