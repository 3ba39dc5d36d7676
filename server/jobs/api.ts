/**
 * /api/jobs: the SPA's way to the runner. A job is made in three moves, so no request is large:
 * create it (a draft), send its rows in pieces, start it. Every answer is in the /v1 envelope.
 */
import { Hono, type Context } from 'hono';
import { can, othersJobRefusal, refusalFor } from '../../src/contract/access.ts';
import type * as z from 'zod/mini';
import { JOB_LIMITS, type JobView, type JobRowView } from '../../src/contract/jobs.ts';
import { newJob, rowsFor, tagCreated } from './api-schemas.ts';
import { refusal, roleRefusal } from '../security.ts';
import type { Runner } from './runner.ts';
import type { JobStore } from './store.ts';
import { planTagCreated } from './tag-rows.ts';
import type { JobRecord, RowRecord } from './types.ts';
import { planUndo } from './undo-rows.ts';

const ROW_FILTERS = ['all', 'refused', 'created', 'updated', 'unchanged', 'skipped'] as const;

const ownerOf = (c: Context) => ({ id: c.get('person').id, name: c.get('person').name });

async function body<T>(c: Context, schema: z.ZodMiniType<T>): Promise<T | null> {
  const parsed = schema.safeParse(await c.req.json().catch(() => undefined));
  return parsed.success ? parsed.data : null;
}

const rowView = (row: RowRecord): JobRowView => ({
  n: row.n,
  input: row.input,
  step: row.step,
  outcome: row.outcome,
  message: row.message,
});

export function jobsApi(store: JobStore, runner: Runner): Hono {
  const api = new Hono();
  const view = (job: JobRecord): JobView => {
    const { params: _, ...shown } = job;
    const speed = runner.speed(job);
    return {
      ...shown,
      speed: speed && {
        rowsPerSecond: speed.rowsPerSecond,
        secondsLeft: Number.isFinite(speed.secondsLeft) ? speed.secondsLeft : null,
      },
    };
  };
  /** The job named in the path, or the 404 to answer with. */
  const jobOf = (c: Context): JobRecord | Response => {
    const id = Number(c.req.param('id'));
    const job = Number.isSafeInteger(id) ? store.job(id) : null;
    return job ?? refusal(c, 404, 'There is no such job; finished jobs are kept, so it never existed here.');
  };
  /** The job named in the path when this person may change it: an admin any, an editor their own. */
  const ownJobOf = (c: Context): JobRecord | Response => {
    const job = jobOf(c);
    if (job instanceof Response) return job;
    const { id, role } = c.get('person');
    // A move (or its undo) changes a field's options: only for those who may change fields, even their own.
    const movesOptions = job.kind === 'migrate' || (job.undoOf !== null && store.job(job.undoOf)?.kind === 'migrate');
    if (movesOptions && !can(role, 'manage-workspace')) return roleRefusal(c, refusalFor(role, 'manage-workspace'));
    return role === 'admin' || job.owner?.id === id ? job : roleRefusal(c, othersJobRefusal(role));
  };

  api.get('/', (c) => c.json({ data: store.jobs().map(view) }));

  api.post('/', async (c) => {
    // Moving an option's holders changes the field's options: a workspace change, refused before anything else.
    const { role } = c.get('person');
    const asked = (await c.req.json().catch(() => null)) as { kind?: unknown } | null;
    if (asked?.kind === 'migrate' && !can(role, 'manage-workspace'))
      return roleRefusal(c, refusalFor(role, 'manage-workspace'));
    const wanted = await body(c, newJob);
    if (!wanted) return refusal(c, 400, 'A job needs a kind (import, bulk or migrate), a title and its settings.');
    return c.json(
      { data: view(store.createJob(wanted.kind, wanted.title, wanted.params, { owner: ownerOf(c) })) },
      201,
    );
  });

  api.get('/:id', (c) => {
    const job = jobOf(c);
    return job instanceof Response ? job : c.json({ data: view(job) });
  });

  api.post('/:id/rows', async (c) => {
    const job = ownJobOf(c);
    if (job instanceof Response) return job;
    if (job.state !== 'draft') return refusal(c, 409, 'This job has started; it takes no more rows.');
    const sent = await body(c, rowsFor(job.kind));
    if (!sent)
      return refusal(c, 400, `Send 1 to ${JOB_LIMITS.rowsPerCall} rows, each with an email address and its fields.`);
    const added = store.appendRows(job.id, sent.rows, JOB_LIMITS.rowsPerJob);
    if (added === 'full')
      return refusal(c, 400, `A job holds at most ${JOB_LIMITS.rowsPerJob.toLocaleString('en')} rows.`);
    if (added === 'started') return refusal(c, 409, 'This job has started; it takes no more rows.');
    return c.json({ data: view(added) });
  });

  api.post('/:id/start', (c) => {
    const job = ownJobOf(c);
    if (job instanceof Response) return job;
    if (job.state !== 'draft') return refusal(c, 409, 'This job has already started.');
    if (job.counts.total === 0) return refusal(c, 400, 'This job has no rows to run.');
    store.setState(job.id, 'queued');
    runner.wake();
    return c.json({ data: view(store.job(job.id)!) });
  });

  api.post('/:id/:control{pause|resume|cancel}', (c) => {
    const job = ownJobOf(c);
    if (job instanceof Response) return job;
    const control = c.req.param('control');
    if (control === 'resume') {
      if (job.state !== 'paused') return refusal(c, 409, 'Only a paused job can be resumed.');
      store.setState(job.id, 'queued');
      runner.wake();
    } else {
      const open = control === 'pause' ? ['queued', 'running'] : ['draft', 'queued', 'running', 'paused'];
      if (!open.includes(job.state))
        return refusal(c, 409, `A job that is ${job.state} cannot be ${control === 'pause' ? 'paused' : 'cancelled'}.`);
      runner.stop(job.id, control === 'pause' ? 'paused' : 'cancelled');
    }
    return c.json({ data: view(store.job(job.id)!) });
  });

  api.get('/:id/rows', (c) => {
    const job = jobOf(c);
    if (job instanceof Response) return job;
    const filter = ROW_FILTERS.find((name) => name === (c.req.query('filter') ?? 'all'));
    const after = Number(c.req.query('after') ?? 0);
    const limit = Math.min(Number(c.req.query('limit') ?? 100), 1000);
    if (!filter || !Number.isSafeInteger(after) || !Number.isSafeInteger(limit) || limit < 1)
      return refusal(c, 400, 'Unknown filter or paging.');
    return c.json({ data: store.rows(job.id, filter, after, limit).map(rowView) });
  });

  api.post('/:id/undo', (c) => {
    const job = ownJobOf(c);
    if (job instanceof Response) return job;
    if (job.kind === 'undo') return refusal(c, 409, 'An undo cannot itself be undone; run the import again instead.');
    const earlier = job.undoneBy === null ? null : store.job(job.undoneBy);
    if (earlier && earlier.state !== 'cancelled')
      return refusal(c, 409, `This job was already undone (job ${earlier.id}).`);
    if (job.rowsDeleted) return refusal(c, 409, 'This job is past JOB_RETENTION_DAYS: its before-values are deleted.');
    if (job.state !== 'done' && job.state !== 'cancelled')
      return refusal(c, 409, 'Cancel the job first, then undo what it did.');
    const undo = planUndo(store, job, ownerOf(c));
    // An undo of a move always runs: even with no value to restore, its options come back.
    store.setState(undo.id, undo.counts.total === 0 && job.kind !== 'migrate' ? 'done' : 'queued');
    runner.wake();
    return c.json({ data: view(store.job(undo.id)!) }, 201);
  });

  api.post('/:id/tag-created', async (c) => {
    const job = ownJobOf(c);
    if (job instanceof Response) return job;
    const wanted = await body(c, tagCreated);
    if (!wanted) return refusal(c, 400, 'Name the tag to give the created contacts.');
    if (job.state !== 'done' && job.state !== 'cancelled')
      return refusal(c, 409, 'Let the job finish (or cancel it) first, so every contact it created is tagged.');
    if (job.counts.created === 0) return refusal(c, 409, 'This job created no contacts.');
    const tagging = planTagCreated(store, job, wanted.tag, ownerOf(c));
    store.setState(tagging.id, 'queued');
    runner.wake();
    return c.json({ data: view(store.job(tagging.id)!) }, 201);
  });

  return api;
}
