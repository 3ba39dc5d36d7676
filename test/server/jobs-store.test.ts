import { describe, expect, it } from 'vitest';
import { openJobStore } from '../../server/jobs/store.ts';

describe('the jobs file', () => {
  it('counts a row once, however often its end is recorded', () => {
    const store = openJobStore(':memory:');
    const job = store.createJob('import', 'Once', {});
    store.appendRows(job.id, [{ email: 'a@example.com', fields: {} }]);
    const [row] = store.openRows(job.id, 0, 10);
    store.finishRow(row!, { outcome: 'created' });
    store.finishRow(row!, { outcome: 'updated' });
    store.finishRow(row!, { refused: 'late' });
    expect(store.job(job.id)!.counts).toMatchObject({ total: 1, done: 1, created: 1, updated: 0, refused: 0 });
    expect(store.rows(job.id, 'all')[0]).toMatchObject({ step: 'done', outcome: 'created', message: null });
  });

  it('takes rows up to the limit, all of a piece or none, and none once started', () => {
    const store = openJobStore(':memory:');
    const job = store.createJob('import', 'Limited', {});
    const rows = (count: number) =>
      Array.from({ length: count }, (_, n) => ({ email: `p${n}@example.com`, fields: {} }));
    expect(store.appendRows(job.id, rows(3), 5)).toMatchObject({ counts: { total: 3 } });
    expect(store.appendRows(job.id, rows(3), 5)).toBe('full');
    expect(store.job(job.id)!.counts.total).toBe(3);
    store.setState(job.id, 'queued');
    expect(store.appendRows(job.id, rows(1), 5)).toBe('started');
    expect(store.rows(job.id, 'all').map((row) => row.n)).toEqual([1, 2, 3]);
  });
});
