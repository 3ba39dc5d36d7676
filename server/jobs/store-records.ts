/** The jobs file's rows as SQLite returns them, and as the runner uses them. */
import type { JobCounts, JobKind, JobRecord, JobState, Outcome, RowRecord, RowStep } from './types.ts';

/** The counts are columns of their own, named as in the API's job view. */
export interface JobRow extends JobCounts {
  id: number;
  kind: JobKind;
  title: string;
  state: JobState;
  params: string;
  reason: string | null;
  undo_of: number | null;
  undone_by: number | null;
  rows_deleted: number;
  owner_id: string | null;
  owner_name: string | null;
  created_at: number;
  started_at: number | null;
  finished_at: number | null;
}

const countsOf = ({ total, done, created, updated, unchanged, skipped, refused }: JobCounts): JobCounts => ({
  total,
  done,
  created,
  updated,
  unchanged,
  skipped,
  refused,
});

export const toJob = (row: JobRow): JobRecord => ({
  id: row.id,
  kind: row.kind,
  title: row.title,
  state: row.state,
  params: JSON.parse(row.params) as unknown,
  counts: countsOf(row),
  reason: row.reason,
  undoOf: row.undo_of,
  undoneBy: row.undone_by,
  rowsDeleted: row.rows_deleted === 1,
  owner: row.owner_id === null ? null : { id: row.owner_id, name: row.owner_name ?? row.owner_id },
  createdAt: row.created_at,
  startedAt: row.started_at,
  finishedAt: row.finished_at,
});

export interface StoredRow {
  job_id: number;
  n: number;
  input: string;
  step: RowStep;
  outcome: Outcome | null;
  message: string | null;
  contact_id: string | null;
  before: string | null;
  after: string | null;
}

const parsed = (text: string | null) => (text === null ? null : (JSON.parse(text) as unknown));
export const toRow = (row: StoredRow): RowRecord => ({
  jobId: row.job_id,
  n: row.n,
  input: JSON.parse(row.input) as unknown,
  step: row.step,
  outcome: row.outcome,
  message: row.message,
  contactId: row.contact_id,
  before: parsed(row.before),
  after: parsed(row.after),
});

export const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
