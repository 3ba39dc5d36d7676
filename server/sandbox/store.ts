/**
 * The sandbox workspace's SQLite file (Node's built-in node:sqlite: no native build).
 * Every write runs inside one IMMEDIATE transaction and is committed before the answer is sent,
 * with synchronous=FULL, so an acknowledged write survives the process being killed.
 */
import {
  accessSync,
  closeSync,
  constants,
  mkdirSync,
  openSync,
  readSync,
  realpathSync,
  statSync,
  type Stats,
} from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { matches } from './matching.ts';

const SCHEMA_VERSION = 1;
/** Written into the file's header (PRAGMA application_id): "LARK". A file without it is not ours. */
const APPLICATION_ID = 0x4c41524b;
/**
 * SQLite's own wait for another process's lock blocks the whole event loop, so it is kept short;
 * the sandbox's handler tries again without blocking, up to its deadline (see app.ts).
 */
const BUSY_TIMEOUT_MS = 10;

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

export interface Store {
  readonly db: DatabaseSync;
  /** Runs `work` as one transaction: all of it is written, or none of it. */
  transaction<T>(work: () => T): T;
  close(): void;
}

/** A file the sandbox will not use, worded for the one line the server prints before it stops. */
export class StoreRefusal extends Error {}

/** The SQLite result code of a node:sqlite error (its primary code), or null for any other error. */
export function sqliteCode(error: unknown): number | null {
  const code =
    (error as { code?: unknown; errcode?: unknown }).code === 'ERR_SQLITE_ERROR'
      ? (error as { errcode?: unknown }).errcode
      : null;
  return typeof code === 'number' ? code & 0xff : null;
}
export const SQLITE_BUSY = 5;
export const SQLITE_LOCKED = 6;
const SQLITE_CORRUPT = 11;
export const SQLITE_FULL = 13;
const SQLITE_NOTADB = 26;

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function startsAsSqlite(path: string): boolean {
  const header = Buffer.alloc(16);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  return header.toString('latin1') === 'SQLite format 3\0';
}

/** Refuses, before SQLite touches it, a place the sandbox cannot or must not keep its data. */
function checkLocation(location: string) {
  const given = resolve(location);
  // A link is judged by where it leads: a link into /proc is a system path too.
  const path = statOrNull(given) ? realpathSync(given) : given;
  const named = `SANDBOX_DB ${location}`;
  if (/^\/(?:proc|sys|dev)(?:\/|$)/.test(path))
    throw new StoreRefusal(`${named} is a system path (/proc, /sys or /dev); give a file for the sandbox workspace.`);
  const stat = statOrNull(path);
  if (stat?.isDirectory())
    throw new StoreRefusal(
      `${named} is a directory; give a file path, such as ${location.replace(/\/+$/, '')}/sandbox.sqlite.`,
    );
  if (stat && !stat.isFile())
    throw new StoreRefusal(`${named} is not a regular file; give a file path for the sandbox workspace.`);
  if (!stat) mkdirSync(dirname(path), { recursive: true });
  // SQLite writes its journal beside the file, so the folder must take writes too.
  if ((stat && !writable(path)) || !writable(dirname(path)))
    throw new StoreRefusal(
      `${named} is read-only (the file or its folder); Lark Admin must be able to write the sandbox workspace there.`,
    );
  if (stat && stat.size > 0 && !startsAsSqlite(path))
    throw new StoreRefusal(`${named} is not a SQLite database (or is damaged); Lark Admin leaves it as it is.`);
}

/** Opens (and on first use creates and seeds) the workspace at a file path or `:memory:`. */
export function openStore(location: string): Store {
  if (location !== ':memory:') checkLocation(location);
  const db = new DatabaseSync(location, { timeout: BUSY_TIMEOUT_MS });
  try {
    return prepare(db, location);
  } catch (error) {
    db.close();
    const code = sqliteCode(error);
    if (code === SQLITE_NOTADB || code === SQLITE_CORRUPT)
      throw new StoreRefusal(
        `SANDBOX_DB ${location} is damaged (${(error as Error).message}); Lark Admin leaves it as it is.`,
      );
    throw error;
  }
}

function prepare(db: DatabaseSync, location: string): Store {
  db.exec('PRAGMA foreign_keys = ON');
  // Search conditions run in SQL, so filtering, counting and paging happen in one query.
  db.function('condition_matches', { deterministic: true }, (value, condition) =>
    matches(value === null ? undefined : JSON.parse(String(value)), JSON.parse(String(condition))) ? 1 : 0,
  );

  const transaction = <T>(work: () => T): T => {
    db.exec('BEGIN IMMEDIATE');
    try {
      const result = work();
      db.exec('COMMIT');
      return result;
    } catch (error) {
      // SQLite may have rolled the transaction back itself (a full disk can): then there is nothing to undo.
      if (db.isTransaction) db.exec('ROLLBACK');
      throw error;
    }
  };

  const pragma = (name: string) => Object.values(db.prepare(`PRAGMA ${name}`).get() as Record<string, number>)[0];
  const tables = (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as {
      name: string;
    }[]
  ).map((row) => row.name);
  // Anything at all in the schema (a view, a trigger) makes the file someone's, not a blank one.
  const { count: schemaRows } = db.prepare('SELECT count(*) AS count FROM sqlite_master').get() as { count: number };
  const [applicationId, version] = [pragma('application_id'), pragma('user_version')];
  // Files from before the application id was written have the schema version and our tables.
  const ours =
    applicationId === APPLICATION_ID ||
    (applicationId === 0 &&
      version === SCHEMA_VERSION &&
      ['fields', 'tags', 'contacts', 'workspace'].every((name) => tables.includes(name)));
  if (!ours && !(applicationId === 0 && version === 0 && schemaRows === 0)) {
    throw new StoreRefusal(
      `SANDBOX_DB ${location} is another program's SQLite database, not a Lark Admin sandbox; Lark Admin never adds its tables to it.`,
    );
  }
  if (ours && version !== SCHEMA_VERSION) {
    throw new StoreRefusal(
      `SANDBOX_DB ${location} has schema version ${version}; this Lark Admin reads version ${SCHEMA_VERSION}.`,
    );
  }
  if (location !== ':memory:') {
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = FULL');
  }
  if (!ours) {
    transaction(() => {
      db.exec(SCHEMA);
      db.exec(SEED);
      db.exec(`PRAGMA user_version = ${SCHEMA_VERSION}`);
      db.exec(`PRAGMA application_id = ${APPLICATION_ID}`);
    });
  } else if (applicationId === 0) {
    db.exec(`PRAGMA application_id = ${APPLICATION_ID}`);
  }

  return { db, transaction, close: () => db.close() };
}
