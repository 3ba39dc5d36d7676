/**
 * The jobs file (DATA_DIR/jobs.sqlite): each job, each of its rows, and what each row changed.
 * A row's outcome is committed before the runner takes another row, so a kill at any moment
 * loses no acknowledged row, and the before and after values make undo possible.
 */
import { join } from 'node:path';
import { openSqliteFile, type SqliteFile } from '../sqlite-file.ts';
import { json, toJob, toRow, type JobRow, type StoredRow } from './store-records.ts';
import type { JobKind, JobOwner, JobRecord, JobState, Outcome, RowRecord, RowStep } from './types.ts';

/** "LRKJ": Lark Admin's jobs. */
const APPLICATION_ID = 0x4c524b4a;
const SCHEMA_VERSION = 2;

const SCHEMA = `
CREATE TABLE jobs (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  kind          TEXT NOT NULL,
  title         TEXT NOT NULL,
  state         TEXT NOT NULL,
  params        TEXT NOT NULL,
  total         INTEGER NOT NULL DEFAULT 0,
  done          INTEGER NOT NULL DEFAULT 0,
  created       INTEGER NOT NULL DEFAULT 0,
  updated       INTEGER NOT NULL DEFAULT 0,
  unchanged     INTEGER NOT NULL DEFAULT 0,
  skipped       INTEGER NOT NULL DEFAULT 0,
  refused       INTEGER NOT NULL DEFAULT 0,
  reason        TEXT,
  undo_of       INTEGER REFERENCES jobs (id) ON DELETE SET NULL,
  undone_by     INTEGER REFERENCES jobs (id) ON DELETE SET NULL,
  rows_deleted  INTEGER NOT NULL DEFAULT 0,
  owner_id      TEXT,
  owner_name    TEXT,
  created_at    INTEGER NOT NULL,
  started_at    INTEGER,
  finished_at   INTEGER
);
CREATE TABLE job_rows (
  job_id      INTEGER NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
  n           INTEGER NOT NULL,
  input       TEXT NOT NULL,
  step        TEXT NOT NULL DEFAULT 'pending',
  outcome     TEXT,
  message     TEXT,
  contact_id  TEXT,
  before      TEXT,
  after       TEXT,
  PRIMARY KEY (job_id, n)
) WITHOUT ROWID;
CREATE INDEX job_rows_open ON job_rows (job_id, step, n);
`;

/** Version 2 knows who started each job; older jobs have no owner, so only an admin controls them. */
const UPGRADES = {
  2: 'ALTER TABLE jobs ADD COLUMN owner_id TEXT; ALTER TABLE jobs ADD COLUMN owner_name TEXT;',
};

export type JobStore = ReturnType<typeof openJobStore>;

const FINAL_STEPS: readonly RowStep[] = ['done', 'refused'];

/** Opens the jobs file in `dataDir` (or `:memory:` for tests). */
export function openJobStore(dataDir: string, now: () => number = Date.now) {
  const location = dataDir === ':memory:' ? dataDir : join(dataDir, 'jobs.sqlite');
  const file: SqliteFile = openSqliteFile(location, {
    named: `The jobs file ${location} (in DATA_DIR)`,
    holds: 'the jobs',
    isA: "Lark Admin's jobs file",
    fileName: 'jobs.sqlite',
    applicationId: APPLICATION_ID,
    version: SCHEMA_VERSION,
    create: SCHEMA,
    upgrades: UPGRADES,
  });
  const { db, transaction } = file;
  const getJob = db.prepare('SELECT * FROM jobs WHERE id = ?');

  const job = (id: number): JobRecord | null => {
    const row = getJob.get(id) as JobRow | undefined;
    return row ? toJob(row) : null;
  };

  return {
    close: () => file.close(),
    job,

    /** Newest first. */
    jobs(limit = 100): JobRecord[] {
      return (db.prepare('SELECT * FROM jobs ORDER BY id DESC LIMIT ?').all(limit) as unknown as JobRow[]).map(toJob);
    },

    /** A new job, in 'draft' until its rows are all in and it is started. */
    createJob(
      kind: JobKind,
      title: string,
      params: unknown,
      { owner = null, undoOf = null }: { owner?: JobOwner | null; undoOf?: number | null } = {},
    ): JobRecord {
      const { lastInsertRowid } = db
        .prepare(
          `INSERT INTO jobs (kind, title, state, params, owner_id, owner_name, undo_of, created_at)
           VALUES (?, ?, 'draft', ?, ?, ?, ?, ?)`,
        )
        .run(kind, title, JSON.stringify(params), owner?.id ?? null, owner?.name ?? null, undoOf, now());
      return job(Number(lastInsertRowid))!;
    },

    /** Adds rows after the last one, all or none; checked inside the write, so two senders cannot pass `limit`. */
    appendRows(id: number, inputs: readonly unknown[], limit = Infinity): JobRecord | 'full' | 'started' {
      return transaction(() => {
        const current = job(id);
        if (!current || current.state !== 'draft') return 'started';
        if (current.counts.total + inputs.length > limit) return 'full';
        const insert = db.prepare('INSERT INTO job_rows (job_id, n, input) VALUES (?, ?, ?)');
        inputs.forEach((input, index) => insert.run(id, current.counts.total + index + 1, JSON.stringify(input)));
        db.prepare('UPDATE jobs SET total = total + ? WHERE id = ?').run(inputs.length, id);
        return job(id)!;
      });
    },

    setState(id: number, state: JobState, reason: string | null = null) {
      const at = now();
      db.prepare(
        `UPDATE jobs SET state = ?, reason = ?,
           started_at = CASE WHEN ? = 'running' THEN coalesce(started_at, ?) ELSE started_at END,
           finished_at = CASE WHEN ? IN ('done', 'cancelled') THEN ? ELSE NULL END
         WHERE id = ?`,
      ).run(state, reason, state, at, state, at, id);
    },

    markUndone(id: number, undoJobId: number) {
      db.prepare('UPDATE jobs SET undone_by = ? WHERE id = ?').run(undoJobId, id);
    },

    /** Jobs to take up after a start: those that were running, then those waiting, oldest first. */
    unfinished(): JobRecord[] {
      return (
        db
          .prepare("SELECT * FROM jobs WHERE state IN ('running', 'queued') ORDER BY state = 'queued', id")
          .all() as unknown as JobRow[]
      ).map(toJob);
    },

    /** Rows not yet done or refused, in order, from row `after` on. */
    openRows(id: number, after: number, limit: number): RowRecord[] {
      return (
        db
          .prepare(
            "SELECT * FROM job_rows WHERE job_id = ? AND n > ? AND step NOT IN ('done', 'refused') ORDER BY n LIMIT ?",
          )
          .all(id, after, limit) as unknown as StoredRow[]
      ).map(toRow);
    },

    /** Records a step a row has reached (what it read, what it wrote), before the next is taken. */
    saveStep(row: RowRecord, step: RowStep, patch: Partial<Pick<RowRecord, 'before' | 'after' | 'contactId'>>) {
      if (FINAL_STEPS.includes(step)) throw new Error('A row ends through finishRow.');
      db.prepare(
        `UPDATE job_rows SET step = ?, before = coalesce(?, before), after = coalesce(?, after),
           contact_id = coalesce(?, contact_id) WHERE job_id = ? AND n = ?`,
      ).run(step, json(patch.before), json(patch.after), patch.contactId ?? null, row.jobId, row.n);
    },

    /** A row's end, and the job's counts with it, in one transaction. */
    finishRow(row: RowRecord, end: { outcome: Outcome; after?: unknown; message?: string } | { refused: string }) {
      transaction(() => {
        const refused = 'refused' in end;
        const { changes } = db
          .prepare(
            `UPDATE job_rows SET step = ?, outcome = ?, message = ?, after = coalesce(?, after)
           WHERE job_id = ? AND n = ? AND step NOT IN ('done', 'refused')`,
          )
          .run(
            refused ? 'refused' : 'done',
            refused ? null : end.outcome,
            refused ? end.refused : (end.message ?? null),
            refused ? null : json(end.after),
            row.jobId,
            row.n,
          );
        // A row already ended (it can only end once) leaves the counts as they are.
        if (changes !== 1) return;
        const column = refused ? 'refused' : end.outcome;
        db.prepare(`UPDATE jobs SET done = done + 1, ${column} = ${column} + 1 WHERE id = ?`).run(row.jobId);
      });
    },

    /** A page of a job's rows: all, or those with one outcome, or the refused ones. */
    rows(id: number, filter: Outcome | 'refused' | 'all', after = 0, limit = 100): RowRecord[] {
      const [where, extra]: [string, string[]] =
        filter === 'all'
          ? ['', []]
          : filter === 'refused'
            ? ["AND step = 'refused'", []]
            : ['AND outcome = ?', [filter]];
      return (
        db
          .prepare(`SELECT * FROM job_rows WHERE job_id = ? AND n > ? ${where} ORDER BY n LIMIT ?`)
          .all(id, after, ...extra, limit) as unknown as StoredRow[]
      ).map(toRow);
    },

    /** Every row of a filter, a page at a time, in order. */
    *eachRow(id: number, filter: Outcome | 'refused' | 'all'): Generator<RowRecord> {
      for (let after = 0; ;) {
        const page = this.rows(id, filter, after, 1000);
        if (page.length === 0) return;
        yield* page;
        after = page.at(-1)!.n;
      }
    },

    /**
     * Deletes the rows (which hold personal data) of jobs that ended more than `days` ago, and
     * drafts never started within a day. The jobs themselves stay, with their counts.
     */
    purge(days: number): number {
      const cutoff = now() - days * 86_400_000;
      return transaction(() => {
        const ended = db
          .prepare("SELECT id FROM jobs WHERE rows_deleted = 0 AND state IN ('done', 'cancelled') AND finished_at < ?")
          .all(cutoff) as { id: number }[];
        const drafts = db
          .prepare("SELECT id FROM jobs WHERE state = 'draft' AND created_at < ?")
          .all(now() - 86_400_000) as { id: number }[];
        for (const { id } of ended) {
          db.prepare('DELETE FROM job_rows WHERE job_id = ?').run(id);
          db.prepare('UPDATE jobs SET rows_deleted = 1 WHERE id = ?').run(id);
        }
        for (const { id } of drafts) db.prepare('DELETE FROM jobs WHERE id = ?').run(id);
        return ended.length + drafts.length;
      });
    },
  };
}
