/** The job runner as the server runs it: its file in DATA_DIR, its handlers, its retention. */
import type { Hono } from 'hono';
import { jobsApi } from './api.ts';
import { bulkRow } from './bulk-rows.ts';
import { migratePhases, migrateRow, undoMigratePhases } from './migrate-rows.ts';
import { importRow } from './import-rows.ts';
import { createRunner, type RowHandler, type RunnerOptions } from './runner.ts';
import { openJobStore } from './store.ts';
import { tagRow } from './tag-rows.ts';
import type { JobKind, JobRecord } from './types.ts';
import { undoRow } from './undo-rows.ts';

const HANDLERS: Record<JobKind, RowHandler> = {
  import: importRow,
  undo: undoRow,
  tag: tagRow,
  bulk: bulkRow,
  migrate: migrateRow,
};
const HOUR_MS = 3_600_000;
const SHUTDOWN_WAIT_MS = 5000;

export interface Jobs {
  /** /api/jobs */
  api: Hono;
  /** Lets the rows in flight finish, and closes the file; unfinished jobs resume at the next start. */
  close(): Promise<void>;
}

export interface JobsOptions {
  /** DATA_DIR, or ':memory:' in tests. */
  dataDir: string;
  retentionDays: number;
  send: RunnerOptions['send'];
  log: (line: string) => void;
  patience?: RunnerOptions['patience'];
  concurrency?: number;
  /** Where each row's change is recorded, with who started the job. */
  writes?: RunnerOptions['writes'];
}

export function openJobs(options: JobsOptions): Jobs {
  const store = openJobStore(options.dataDir);
  const phases = (job: JobRecord) => {
    if (job.kind === 'migrate') return migratePhases;
    const original = job.kind === 'undo' && job.undoOf !== null ? store.job(job.undoOf) : null;
    return original?.kind === 'migrate' ? undoMigratePhases(original) : undefined;
  };
  const runner = createRunner({ ...options, store, handlers: HANDLERS, phases });
  const purge = () => {
    const deleted = store.purge(options.retentionDays);
    if (deleted > 0) options.log(`jobs: deleted the rows of ${deleted} jobs past JOB_RETENTION_DAYS`);
  };
  purge();
  const timer = setInterval(purge, HOUR_MS);
  timer.unref();
  runner.wake();
  return {
    api: jobsApi(store, runner),
    async close() {
      clearInterval(timer);
      // A row waiting out a back-off is not waited for: it is taken up again at the next start.
      await Promise.race([runner.shutdown(), new Promise((resolve) => setTimeout(resolve, SHUTDOWN_WAIT_MS))]);
      store.close();
    },
  };
}
