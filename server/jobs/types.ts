/** The runner's own records; what /api/jobs answers is in src/contract/jobs.ts. */
import type { JobCounts, JobKind, JobOwner, JobState, JobView, Outcome } from '../../src/contract/jobs.ts';

export type { JobCounts, JobKind, JobOwner, JobState, Outcome };

/** How far a row got: what was read (before) and written (after) is stored at each step. */
export type RowStep = 'pending' | 'read' | 'written' | 'done' | 'refused';

/** A job as the store holds it: what /api/jobs shows, with its settings and without its pace. */
export type JobRecord = Omit<JobView, 'speed'> & { params: unknown };

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
