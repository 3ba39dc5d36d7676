/**
 * The audit trail in the access file: one entry per write, newest last. An entry from a job's row
 * is keyed by (job, row), so a row taken up again after a restart is recorded once. Text that
 * could carry the API key never reaches the file (`redact`).
 */
import type { ActivityFilter, AuditEntry, AuditKind, AuditPage } from '../../src/contract/audit.ts';
import { AUDIT_PAGE_SIZE } from '../../src/contract/audit.ts';
import type { SqliteFile } from '../sqlite-file.ts';

export type NewEntry = Omit<AuditEntry, 'id' | 'at'>;

interface EntryRow {
  id: number;
  at: number;
  actor_id: string;
  actor_name: string;
  kind: AuditKind;
  action: AuditEntry['action'];
  target_id: string;
  target_name: string;
  changes: string;
  job_id: number | null;
  job_row: number | null;
}

const toEntry = (row: EntryRow): AuditEntry => ({
  id: row.id,
  at: row.at,
  actor: { id: row.actor_id, name: row.actor_name },
  kind: row.kind,
  action: row.action,
  targetId: row.target_id,
  targetName: row.target_name,
  changes: JSON.parse(row.changes) as AuditEntry['changes'],
  job: row.job_id === null ? null : { id: row.job_id, row: row.job_row },
});

const DAY_MS = 86_400_000;
const dayStart = (date: string) => Date.parse(`${date}T00:00:00Z`);

export type AuditStore = ReturnType<typeof createAuditStore>;

export function createAuditStore(
  { db }: SqliteFile,
  { redact = (text: string) => text, now = Date.now }: { redact?: (text: string) => string; now?: () => number } = {},
) {
  const insert = db.prepare(
    `INSERT OR IGNORE INTO audit (at, actor_id, actor_name, kind, action, target_id, target_name, changes, job_id, job_row)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const historyRows = db.prepare(
    'SELECT * FROM audit WHERE kind = ? AND target_id = ? AND id < ? ORDER BY id DESC LIMIT ?',
  );
  const actorRows = db.prepare(
    `SELECT actor_id AS id, actor_name AS name FROM audit
     WHERE id IN (SELECT max(id) FROM audit GROUP BY actor_id) ORDER BY actor_name`,
  );
  const purgeBefore = db.prepare('DELETE FROM audit WHERE at < ?');
  const page = (rows: EntryRow[], limit: number): AuditPage => ({
    entries: rows.slice(0, limit).map(toEntry),
    next: rows.length > limit ? rows[limit - 1]!.id : null,
  });

  return {
    record(entry: NewEntry) {
      insert.run(
        now(),
        entry.actor.id,
        redact(entry.actor.name),
        entry.kind,
        entry.action,
        entry.targetId,
        redact(entry.targetName),
        redact(JSON.stringify(entry.changes)),
        entry.job?.id ?? null,
        entry.job?.row ?? null,
      );
    },

    /** One contact's, field's or tag's entries, newest first. */
    history(kind: AuditKind, targetId: string, before = Number.MAX_SAFE_INTEGER, limit = AUDIT_PAGE_SIZE): AuditPage {
      const rows = historyRows.all(kind, targetId, before, limit + 1) as unknown as EntryRow[];
      return page(rows, limit);
    },

    /** Everyone's entries, newest first, narrowed by person, kind and days. */
    activity(filter: ActivityFilter, before = Number.MAX_SAFE_INTEGER, limit = AUDIT_PAGE_SIZE): AuditPage {
      const where = ['id < ?'];
      const values: (string | number)[] = [before];
      if (filter.actor) (where.push('actor_id = ?'), values.push(filter.actor));
      if (filter.kind) (where.push('kind = ?'), values.push(filter.kind));
      if (filter.from) (where.push('at >= ?'), values.push(dayStart(filter.from)));
      if (filter.to) (where.push('at < ?'), values.push(dayStart(filter.to) + DAY_MS));
      // Built for the filters given: up to sixteen shapes, each prepared as it is asked for.
      const rows = db
        .prepare(`SELECT * FROM audit WHERE ${where.join(' AND ')} ORDER BY id DESC LIMIT ?`)
        .all(...values, limit + 1) as unknown as EntryRow[];
      return page(rows, limit);
    },

    /** Everyone who has an entry, for the Activity page's filter; the newest name of each. */
    actors(): { id: string; name: string }[] {
      return actorRows.all() as unknown as { id: string; name: string }[];
    },

    /** Deletes entries older than `days`. */
    purge(days: number): number {
      return Number(purgeBefore.run(now() - days * DAY_MS).changes);
    },
  };
}
