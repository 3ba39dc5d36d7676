/**
 * Runs jobs one after another, each with a few rows in flight, in the server: a closed tab or a
 * sleeping laptop stops nothing, and a restart takes up the unfinished jobs where they stood.
 * A row's every step is stored before its next request (see store.ts); a row whose answer was
 * lost is sent again, which the idempotent writes make harmless.
 */
import { patientCall, Stopped, Unavailable, type Call, type Patience } from './calls.ts';
import type { JobStore } from './store.ts';
import type { JobKind, JobRecord, Outcome, RowRecord, RowStep } from './types.ts';

export type RowEnd = { outcome: Outcome; after?: unknown; message?: string } | { refused: string };

export interface RowContext {
  job: JobRecord;
  call: Call;
  /** Stores how far the row got, before the next request. */
  step: (
    step: Extract<RowStep, 'read' | 'written'>,
    patch: { before?: unknown; after?: unknown; contactId?: string },
  ) => void;
}

export type RowHandler = (row: RowRecord, context: RowContext) => Promise<RowEnd>;

/** A job's write to a field (its options), before and after, for the audit trail. */
export type NoteField = (before: Record<string, unknown>, after: Record<string, unknown>) => void;

export interface Phases {
  before?: (job: JobRecord, call: Call, note: NoteField) => Promise<void>;
  after?: (job: JobRecord, call: Call, note: NoteField) => Promise<void>;
}

/** What a job did, for the audit trail: a row's contact before and after (recorded once per row), or a field. */
export interface JobWrites {
  row(job: JobRecord, row: RowRecord, before: unknown, after: unknown): void;
  field: (job: JobRecord) => NoteField;
}

export interface RunnerOptions {
  store: JobStore;
  send: (method: string, path: string, body?: unknown) => Promise<Response>;
  handlers: Record<JobKind, RowHandler>;
  /**
   * Work around a job's rows (a field's options before and after its holders move), run each time
   * the job starts or resumes and once its rows are all done; each must be safe to run again.
   */
  phases?: (job: JobRecord) => Phases | undefined;
  /** Rows in flight at once: enough to fill the budget while each waits for its answer. */
  concurrency?: number;
  patience?: Patience;
  /** Told of each row's write before the row is marked done, so a crash between them records it at the restart. */
  writes?: JobWrites;
  log?: (line: string) => void;
}

export type Runner = ReturnType<typeof createRunner>;

const BATCH = 500;
/** Progress samples kept per job for its speed: the last half minute. */
const SPEED_WINDOW_MS = 30_000;

export function createRunner(options: RunnerOptions) {
  const { store, handlers } = options;
  const concurrency = options.concurrency ?? 24;
  const log = options.log ?? (() => {});
  /**
   * Set when an admin pauses or cancels the running job, when the workspace stays unreachable,
   * or (state null) when the server shuts down and the job must simply be taken up at restart.
   */
  let halt: { jobId: number | 'all'; state: 'paused' | 'cancelled' | null; reason: string | null } | null = null;
  const halted = (jobId: number) => halt !== null && (halt.jobId === 'all' || halt.jobId === jobId);
  const shuttingDown = () => halt?.jobId === 'all';
  let running: Promise<void> | null = null;
  const samples = new Map<number, [number, number][]>();

  function sample(job: JobRecord) {
    const list = samples.get(job.id) ?? [];
    const now = Date.now();
    list.push([now, job.counts.done]);
    while (list.length > 2 && list[0]![0] < now - SPEED_WINDOW_MS) list.shift();
    samples.set(job.id, list);
  }

  async function runRow(job: JobRecord, row: RowRecord, call: Call) {
    // What the row read and wrote so far, the stored steps included (a row taken up after a restart).
    const seen = { before: row.before, after: row.step === 'written' ? row.after : null };
    const step: RowContext['step'] = (name, patch) => {
      store.saveStep(row, name, patch);
      if (patch.before !== undefined) seen.before = patch.before;
      if (patch.after !== undefined) seen.after = patch.after;
    };
    // What the row wrote is recorded before the row ends (a refused row may have written its values,
    // not its tags), and when it stops between two writes: a cancelled job never takes it up again.
    const recordWritten = (after: unknown) => {
      if (after === null || after === undefined) return;
      try {
        options.writes?.row(job, row, seen.before, after);
      } catch (error) {
        log(
          `job ${job.id} row ${row.n}: its change could not be recorded in the audit trail (${(error as Error).message})`,
        );
      }
    };
    try {
      const end = await handlers[job.kind](row, { job, call, step });
      recordWritten('refused' in end ? seen.after : (end.after ?? seen.after));
      store.finishRow(row, end);
    } catch (error) {
      if (!shuttingDown()) recordWritten(seen.after);
      // Stopped mid-row, or the server is shutting down (the file may be closed): the row is taken up again.
      if (error instanceof Stopped || shuttingDown()) return;
      if (error instanceof Unavailable) {
        halt ??= {
          jobId: job.id,
          state: 'paused',
          reason: `The workspace did not answer (${error.message}), so the job paused at row ${row.n}. Resume it when CampaignLark is back; no row is applied twice.`,
        };
        return;
      }
      log(`job ${job.id} row ${row.n} failed: ${(error as Error).message}`);
      store.finishRow(row, { refused: `Lark Admin could not process this row (${(error as Error).message}).` });
    }
  }

  /** A phase that fails pauses the job, saying why; resuming runs it again. */
  async function phase(job: JobRecord, work: () => Promise<void> | undefined): Promise<boolean> {
    try {
      await work();
      return true;
    } catch (error) {
      if (error instanceof Stopped || shuttingDown()) return false;
      store.setState(job.id, 'paused', `The job paused: ${(error as Error).message}`);
      return false;
    }
  }

  async function runJob(job: JobRecord) {
    store.setState(job.id, 'running');
    const stopped = () => halted(job.id);
    const call = patientCall(options.send, stopped, options.patience);
    const phases = options.phases?.(job);
    const note: NoteField = options.writes?.field(job) ?? (() => {});
    if (!(await phase(job, () => phases?.before?.(job, call, note)))) return applyHalt(job);
    const inFlight = new Set<Promise<void>>();
    // Rows for one address run one after another, so each reads what the one before it wrote.
    const byAddress = new Map<string, Promise<void>>();
    let after = 0;
    for (;;) {
      const rows = stopped() ? [] : store.openRows(job.id, after, BATCH);
      if (rows.length === 0) break;
      for (const row of rows) {
        const address = String((row.input as { email?: unknown }).email ?? '')
          .trim()
          .toLowerCase();
        while (inFlight.size >= concurrency) await Promise.race(inFlight);
        while (byAddress.has(address)) await byAddress.get(address);
        if (stopped()) break;
        const current = store.job(job.id)!;
        sample(current);
        const work: Promise<void> = runRow(current, row, call).finally(() => {
          inFlight.delete(work);
          byAddress.delete(address);
        });
        inFlight.add(work);
        byAddress.set(address, work);
        after = row.n;
      }
    }
    await Promise.all(inFlight);
    samples.delete(job.id);
    if (halted(job.id)) applyHalt(job);
    // The last step reads the job as its rows left it (its counts), not as it began.
    else if (
      store.openRows(job.id, 0, 1).length === 0 &&
      (await phase(job, () => phases?.after?.(store.job(job.id)!, call, note)))
    )
      store.setState(job.id, 'done');
    else applyHalt(job);
  }

  /** An admin's pause or cancel, once the job has let go: its state is set and the request cleared. */
  function applyHalt(job: JobRecord) {
    if (!halt || halt.jobId === 'all' || halt.jobId !== job.id) return;
    if (halt.state) store.setState(job.id, halt.state, halt.reason);
    halt = null;
  }

  async function drain() {
    for (let next = store.unfinished()[0]; next && !shuttingDown(); next = store.unfinished()[0]) {
      try {
        await runJob(next);
      } catch (error) {
        if (shuttingDown()) return;
        // A fault in the store (a full disk) pauses the job rather than spinning on it.
        log(`job ${next.id} stopped: ${(error as Error).message}`);
        store.setState(next.id, 'paused', `Lark Admin stopped this job: ${(error as Error).message}`);
      }
    }
  }

  /** Starts the runner if it is idle; it runs until no job is waiting. */
  function wake() {
    if (shuttingDown()) return;
    running ??= drain().finally(() => {
      running = null;
      if (!shuttingDown() && store.unfinished().length > 0) wake();
    });
  }

  return {
    wake,
    /** Pausing or cancelling: the rows in flight finish, and no new row starts. */
    stop(jobId: number, state: 'paused' | 'cancelled'): void {
      const job = store.job(jobId);
      if (!job) return;
      if (job.state !== 'running') return store.setState(jobId, state);
      // A cancel, or the server's shutdown, stands: a later pause does not undo it.
      if (halt && (halt.jobId === 'all' || halt.state === 'cancelled')) return;
      halt = { jobId, state, reason: null };
    },
    /** Rows a second over the last half minute, and the seconds left at that pace; null when idle. */
    speed(job: JobRecord): { rowsPerSecond: number; secondsLeft: number } | null {
      const list = samples.get(job.id);
      if (job.state !== 'running' || !list || list.length < 2) return null;
      const [firstAt, firstDone] = list[0]!;
      const elapsed = (Date.now() - firstAt) / 1000;
      if (elapsed < 1) return null;
      const rowsPerSecond = (job.counts.done - firstDone) / elapsed;
      const left = job.counts.total - job.counts.done;
      return { rowsPerSecond, secondsLeft: rowsPerSecond > 0 ? left / rowsPerSecond : Infinity };
    },
    /** Resolves once the runner is idle (for tests). */
    idle: () => running ?? Promise.resolve(),
    /** Lets the rows in flight finish and takes no more; the jobs stay as they are for the next start. */
    async shutdown() {
      halt = { jobId: 'all', state: null, reason: null };
      await running;
    },
  };
}
