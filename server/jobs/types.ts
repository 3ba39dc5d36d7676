/** The runner's vocabulary, shared by the store, the row handlers and /api/jobs. */

export type JobKind = 'import' | 'undo' | 'tag';

/** draft: rows still arriving; queued: waiting for the job before it; the rest as they read. */
export type JobState = 'draft' | 'queued' | 'running' | 'paused' | 'cancelled' | 'done';

/** How far a row got: what was read (before) and written (after) is stored at each step. */
export type RowStep = 'pending' | 'read' | 'written' | 'done' | 'refused';

/** skipped: left alone by the job's own rule (an "Add new only" import meeting a known address). */
export type Outcome = 'created' | 'updated' | 'unchanged' | 'skipped';

export interface JobCounts {
  total: number;
  done: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  refused: number;
}

export interface JobRecord {
  id: number;
  kind: JobKind;
  title: string;
  state: JobState;
  params: unknown;
  counts: JobCounts;
  /** Why the job paused by itself, or was cancelled. */
  reason: string | null;
  undoOf: number | null;
  undoneBy: number | null;
  /** Its rows were deleted after JOB_RETENTION_DAYS; only the counts remain. */
  rowsDeleted: boolean;
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
}

export interface RowRecord {
  jobId: number;
  n: number;
  input: unknown;
  step: RowStep;
  outcome: Outcome | null;
  message: string | null;
  contactId: string | null;
  before: unknown;
  after: unknown;
}

/** A contact as the contract answers it, reduced to what a job compares and restores. */
export interface ContactSnapshot {
  id: string;
  status: string;
  data: Record<string, unknown>;
  tags: number[];
}
