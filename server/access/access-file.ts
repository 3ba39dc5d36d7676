/**
 * The access file (DATA_DIR/access.sqlite): who is signed in (sessions) and what each person
 * changed (the audit trail). It holds no API key and no password; a session is stored by the
 * hash of its id, so the file alone lets nobody in. A session keeps the person's ID token only
 * for the provider's sign-out, which asks for it back; Lark Admin never takes one as a sign-in.
 */
import { join } from 'node:path';
import { openSqliteFile, type SqliteFile } from '../sqlite-file.ts';

/** "LRKA": Lark Admin's access file. */
const APPLICATION_ID = 0x4c524b41;

const SCHEMA = `
CREATE TABLE sessions (
  id_hash     TEXT PRIMARY KEY,
  person_id   TEXT NOT NULL,
  name        TEXT NOT NULL,
  email       TEXT,
  groups      TEXT NOT NULL,
  id_token    TEXT,
  created_at  INTEGER NOT NULL,
  seen_at     INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE audit (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  at           INTEGER NOT NULL,
  actor_id     TEXT NOT NULL,
  actor_name   TEXT NOT NULL,
  kind         TEXT NOT NULL,
  action       TEXT NOT NULL,
  target_id    TEXT NOT NULL,
  target_name  TEXT NOT NULL,
  changes      TEXT NOT NULL,
  job_id       INTEGER,
  job_row      INTEGER
);
CREATE UNIQUE INDEX audit_job_row ON audit (job_id, job_row) WHERE job_id IS NOT NULL;
CREATE INDEX audit_target ON audit (kind, target_id, id);
CREATE INDEX audit_actor ON audit (actor_id, id);
CREATE INDEX audit_at ON audit (at);
`;

/** Opens the access file in `dataDir` (or `:memory:` for tests). */
export function openAccessFile(dataDir: string): SqliteFile {
  const location = dataDir === ':memory:' ? dataDir : join(dataDir, 'access.sqlite');
  return openSqliteFile(location, {
    named: `The access file ${location} (in DATA_DIR)`,
    holds: 'the sessions and the audit trail',
    isA: "Lark Admin's access file",
    fileName: 'access.sqlite',
    applicationId: APPLICATION_ID,
    version: 1,
    create: SCHEMA,
  });
}
