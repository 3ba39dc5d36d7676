/**
 * The sandbox workspace's SQLite file (see ../sqlite-file.ts). Every write is one transaction,
 * committed before the answer is sent, so an acknowledged write survives the process being killed.
 */
import { openSqliteFile, type SqliteFile } from '../sqlite-file.ts';
import { matches } from './matching.ts';

const SCHEMA_VERSION = 1;
/** Written into the file's header (PRAGMA application_id): "LARK". */
const APPLICATION_ID = 0x4c41524b;

const SCHEMA = `
CREATE TABLE fields (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  label         TEXT NOT NULL,
  label_key     TEXT NOT NULL UNIQUE,
  merge_tag     TEXT NOT NULL UNIQUE,
  type          TEXT NOT NULL,
  definition    TEXT NOT NULL DEFAULT '',
  default_value TEXT NOT NULL DEFAULT '',
  sort_order    INTEGER NOT NULL,
  immutable     INTEGER NOT NULL DEFAULT 0,
  required      INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE tags (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  name        TEXT NOT NULL,
  name_key    TEXT NOT NULL UNIQUE,
  description TEXT NOT NULL DEFAULT ''
);
CREATE TABLE contacts (
  seq             INTEGER PRIMARY KEY AUTOINCREMENT,
  id              TEXT NOT NULL UNIQUE,
  email_key       TEXT NOT NULL UNIQUE,
  status          TEXT NOT NULL,
  data            TEXT NOT NULL,
  statistics      TEXT NOT NULL,
  last_opened_at  TEXT,
  last_clicked_at TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
);
CREATE INDEX contacts_created ON contacts (created_at, seq);
CREATE INDEX contacts_updated ON contacts (updated_at, seq);
CREATE TABLE contact_tags (
  contact_seq INTEGER NOT NULL REFERENCES contacts (seq) ON DELETE CASCADE,
  tag_id      INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
  PRIMARY KEY (contact_seq, tag_id)
);
CREATE INDEX contact_tags_tag ON contact_tags (tag_id);
-- Segments are made in CampaignLark's own app, never through this API; the sandbox keeps them
-- only so that "in use by a segment" refusals behave as the contract says.
CREATE TABLE segments (
  id   INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL
);
CREATE TABLE segment_fields (
  segment_id INTEGER NOT NULL REFERENCES segments (id) ON DELETE CASCADE,
  field_id   INTEGER NOT NULL REFERENCES fields (id) ON DELETE CASCADE
);
CREATE TABLE segment_tags (
  segment_id INTEGER NOT NULL REFERENCES segments (id) ON DELETE CASCADE,
  tag_id     INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE
);
-- While an import or export runs, CampaignLark refuses field changes with "Validation error".
CREATE TABLE workspace (
  id                    INTEGER PRIMARY KEY CHECK (id = 1),
  transfer_in_progress  INTEGER NOT NULL DEFAULT 0
);
`;

/** What a new CampaignLark workspace holds. */
const SEED = `
INSERT INTO workspace (id) VALUES (1);
INSERT INTO fields (label, label_key, merge_tag, type, sort_order, immutable, required)
VALUES ('Email Address', 'email address', 'email_address', 'TEXT', 0, 1, 1),
       ('First Name', 'first name', 'first_name', 'TEXT', 1, 0, 0),
       ('Last Name', 'last name', 'last_name', 'TEXT', 2, 0, 0);
INSERT INTO tags (name, name_key, description)
VALUES ('newsletter', 'newsletter', 'Receives the monthly newsletter'),
       ('customer', 'customer', 'Has bought at least once');
`;

export type Store = SqliteFile;

/** Opens (and on first use creates and seeds) the workspace at a file path or `:memory:`. */
export function openStore(location: string): Store {
  const store = openSqliteFile(location, {
    named: `SANDBOX_DB ${location}`,
    holds: 'the sandbox workspace',
    isA: 'a Lark Admin sandbox',
    fileName: 'sandbox.sqlite',
    applicationId: APPLICATION_ID,
    version: SCHEMA_VERSION,
    create: SCHEMA + SEED,
    legacyTables: ['fields', 'tags', 'contacts', 'workspace'],
  });
  // Search conditions run in SQL, so filtering, counting and paging happen in one query.
  store.db.function('condition_matches', { deterministic: true }, (value, condition) =>
    matches(value === null ? undefined : JSON.parse(String(value)), JSON.parse(String(condition))) ? 1 : 0,
  );
  return store;
}
