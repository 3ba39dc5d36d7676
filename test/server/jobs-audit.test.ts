/** The runner tells the audit trail what each row wrote, once, even when the row stops between two writes. */
import { describe, expect, it } from 'vitest';
import { Stopped } from '../../server/jobs/calls.ts';
import { createRunner, type RowHandler } from '../../server/jobs/runner.ts';
import { openJobStore } from '../../server/jobs/store.ts';

const BEFORE = { id: 'c1', status: 'SUBSCRIBED', data: { company: 'Initech' }, tags: [] };
const AFTER = { ...BEFORE, data: { company: 'Globex' } };

function runWith(handler: RowHandler) {
  const store = openJobStore(':memory:');
  let runner: ReturnType<typeof createRunner>;
  const told: unknown[][] = [];
  runner = createRunner({
    store,
    send: async () => new Response('{}'),
    handlers: { import: handler, undo: handler, tag: handler, bulk: handler, migrate: handler },
    writes: { row: (job, row, before, after) => told.push([job.id, row.n, before, after]), field: () => () => {} },
  });
  const job = store.createJob('import', 'Spring', {}, { owner: { id: 'jane', name: 'Jane Doe' } });
  store.appendRows(job.id, [{ email: 'a@example.com' }]);
  store.setState(job.id, 'queued');
  runner.wake();
  return { told, idle: () => runner.idle(), cancel: () => runner.stop(job.id, 'cancelled'), store, job };
}

describe('a job row in the audit trail', () => {
  it('is told once with what the row read and what it wrote', async () => {
    const run = runWith(async (_, { step }) => {
      step('read', { before: BEFORE });
      return { outcome: 'updated', after: AFTER };
    });
    await run.idle();
    expect(run.told).toEqual([[run.job.id, 1, BEFORE, AFTER]]);
  });

  it('is told what was written when the row stops before its next write (a cancel mid-row)', async () => {
    const run = runWith(async (_, { step }) => {
      step('read', { before: BEFORE });
      step('written', { after: AFTER });
      // The admin cancels while the row waits to add its tags.
      run.cancel();
      throw new Stopped();
    });
    await run.idle();
    expect(run.store.job(run.job.id)!.state).toBe('cancelled');
    expect(run.told).toEqual([[run.job.id, 1, BEFORE, AFTER]]);
  });

  it('is told nothing when the row wrote nothing', async () => {
    const run = runWith(async () => ({ refused: 'Validation error' }));
    await run.idle();
    expect(run.told).toEqual([]);
  });
});
