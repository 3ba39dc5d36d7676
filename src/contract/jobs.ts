/**
 * Lark Admin's own /api/jobs (not CampaignLark's): the shapes the server's job runner answers
 * with and the SPA reads, in one place for both.
 */

export type JobKind = 'import' | 'undo' | 'tag' | 'bulk' | 'migrate';

/** draft: rows still arriving; queued: waiting for the job before it; the rest as they read. */
export type JobState = 'draft' | 'queued' | 'running' | 'paused' | 'cancelled' | 'done';

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

/** Who started a job: an editor controls only their own; jobs from before sign-in have none. */
export interface JobOwner {
  id: string;
  name: string;
}

export interface JobView {
  id: number;
  kind: JobKind;
  title: string;
  state: JobState;
  counts: JobCounts;
  /** Why the job paused by itself. */
  reason: string | null;
  undoOf: number | null;
  undoneBy: number | null;
  /** Its rows were deleted after JOB_RETENTION_DAYS; only the counts remain. */
  rowsDeleted: boolean;
  owner: JobOwner | null;
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  /** While running: rows a second over the last half minute, and the seconds left at that pace. */
  speed: { rowsPerSecond: number; secondsLeft: number | null } | null;
}

export interface JobRowView {
  n: number;
  input: unknown;
  step: 'pending' | 'read' | 'written' | 'done' | 'refused';
  outcome: Outcome | null;
  /** The API's message for a refused row, or a note on a done one. */
  message: string | null;
}

export type ImportMode = 'add-and-update' | 'add-only' | 'update-only';

export interface ImportParams {
  mode: ImportMode;
  /** The status a new contact gets, unless its row has one. */
  newStatus: string;
  /** Tags added to every imported contact. */
  tagIds: number[];
  /** A row's status applies to existing contacts too (the admin confirmed it); new ones take it always. */
  statusForExisting?: boolean;
}

export interface ImportRowInput {
  email: string;
  /** Values by merge tag, as the contract takes them; null clears a value. */
  fields: Record<string, unknown>;
  /** From a Status column: a new contact takes it; an existing one only with `statusForExisting`. */
  status?: string;
  /** The row as the file had it, header → cell, so a refused row goes back out as it came in. */
  source?: Record<string, string>;
}

/** One change made to every contact of a selection. */
export type BulkAction =
  | { action: 'add-tags'; tagIds: number[] }
  | { action: 'remove-tags'; tagIds: number[] }
  | { action: 'set-status'; status: string }
  | { action: 'set-field'; mergeTag: string; value: unknown }
  | { action: 'clear-field'; mergeTag: string };

/** Holders of a dropdown option moved to another (or cleared: `to` null). */
export interface OptionMove {
  from: string;
  to: string | null;
}

/**
 * Moving the holders of options a field edit renames, merges or removes. The safe order: the
 * SPA adds the new options first, the job moves the holders, then sets the final options.
 */
export interface MigrateParams {
  fieldId: number;
  mergeTag: string;
  multiple: boolean;
  moves: OptionMove[];
  /** The field's options before the edit, and after it (what the job sets once the holders moved). */
  initialDefinition: string;
  finalDefinition: string;
}

/** A bulk job's row: the contact, by its address. */
export interface BulkRowInput {
  email: string;
}

export const JOB_LIMITS = {
  /** Rows sent in one POST /api/jobs/:id/rows, which stays well under the 1 MB body limit. */
  rowsPerCall: 2000,
  /** Rows in one job. */
  rowsPerJob: 200_000,
} as const;
