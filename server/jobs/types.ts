/** The runner's own records; what /api/jobs answers is in src/contract/jobs.ts. */
import type { JobCounts, JobKind, JobState, Outcome } from '../../src/contract/jobs.ts';

export type { JobCounts, JobKind, JobState, Outcome };

/** How far a row got: what was read (before) and written (after) is stored at each step. */
export type RowStep = 'pending' | 'read' | 'written' | 'done' | 'refused';

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
