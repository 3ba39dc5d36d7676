/**
 * A SQLite file of Lark Admin's own (Node's built-in node:sqlite: no native build): the sandbox
 * workspace, and the jobs in DATA_DIR. Before SQLite touches a path it is checked, so a system
 * path, a directory, a read-only place or another program's database is refused in one sentence.
 * Every write runs inside one IMMEDIATE transaction with synchronous=FULL, so what was committed
 * survives the process being killed.
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

/**
 * SQLite's own wait for another process's lock blocks the whole event loop, so it is kept short;
 * callers try again without blocking (see sandbox/app.ts).
 */
const BUSY_TIMEOUT_MS = 10;

export interface SqliteFile {
  readonly db: DatabaseSync;
  /** Runs `work` as one transaction: all of it is written, or none of it. */
  transaction<T>(work: () => T): T;
  close(): void;
}

export interface FileKind {
  /** How the refusals name the file: "SANDBOX_DB .data/sandbox.sqlite". */
  named: string;
  /** What it holds, for the refusals: "the sandbox workspace". */
  holds: string;
  /** What it is, for the refusal of a foreign file: "a Lark Admin sandbox". */
  isA: string;
  /** The usual file name, for the refusal of a directory. */
  fileName: string;
  /** Written into the file's header (PRAGMA application_id); a file without it is not ours. */
  applicationId: number;
  version: number;
  /** Creates the tables (and any first rows) of a new file, at the current version. */
  create: string;
  /** What brings a file of an older version up to each later one: version → its SQL. */
  upgrades?: Readonly<Record<number, string>>;
  /** Files from before the application id was written: recognised by the version and these tables. */
  legacyTables?: readonly string[];
}

/** A file Lark Admin will not use, worded for the one line the server prints before it stops. */
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

/** Refuses, before SQLite touches it, a place Lark Admin cannot or must not keep its data. */
function checkLocation(location: string, kind: FileKind) {
  const { named, holds } = kind;
  const given = resolve(location);
  // A link is judged by where it leads: a link into /proc is a system path too.
  const path = statOrNull(given) ? realpathSync(given) : given;
  if (/^\/(?:proc|sys|dev)(?:\/|$)/.test(path))
    throw new StoreRefusal(`${named} is a system path (/proc, /sys or /dev); give a file for ${holds}.`);
  const stat = statOrNull(path);
  if (stat?.isDirectory())
    throw new StoreRefusal(
      `${named} is a directory; give a file path, such as ${location.replace(/\/+$/, '')}/${kind.fileName}.`,
    );
  if (stat && !stat.isFile()) throw new StoreRefusal(`${named} is not a regular file; give a file path for ${holds}.`);
  if (!stat) mkdirSync(dirname(path), { recursive: true });
  // SQLite writes its journal beside the file, so the folder must take writes too.
  if ((stat && !writable(path)) || !writable(dirname(path)))
    throw new StoreRefusal(
      `${named} is read-only (the file or its folder); Lark Admin must be able to write ${holds} there.`,
    );
  if (stat && stat.size > 0 && !startsAsSqlite(path))
    throw new StoreRefusal(`${named} is not a SQLite database (or is damaged); Lark Admin leaves it as it is.`);
}

/** Opens, and on first use creates, a file of this kind at a path or `:memory:`. */
export function openSqliteFile(location: string, kind: FileKind): SqliteFile {
  if (location !== ':memory:') checkLocation(location, kind);
  const db = new DatabaseSync(location, { timeout: BUSY_TIMEOUT_MS });
  try {
    return prepare(db, location, kind);
  } catch (error) {
    db.close();
    const code = sqliteCode(error);
    if (code === SQLITE_NOTADB || code === SQLITE_CORRUPT)
      throw new StoreRefusal(`${kind.named} is damaged (${(error as Error).message}); Lark Admin leaves it as it is.`);
    throw error;
  }
}

function prepare(db: DatabaseSync, location: string, kind: FileKind): SqliteFile {
  db.exec('PRAGMA foreign_keys = ON');
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
  const [applicationId, version] = [pragma('application_id')!, pragma('user_version')!];
  const ours =
    applicationId === kind.applicationId ||
    (applicationId === 0 &&
      kind.legacyTables !== undefined &&
      version === kind.version &&
      kind.legacyTables.every((name) => tables.includes(name)));
  if (!ours && !(applicationId === 0 && version === 0 && schemaRows === 0)) {
    throw new StoreRefusal(
      `${kind.named} is another program's SQLite database, not ${kind.isA}; Lark Admin never adds its tables to it.`,
    );
  }
  const upgradable = (from: number) =>
    from >= 1 &&
    from < kind.version &&
    Array.from({ length: kind.version - from }, (_, i) => kind.upgrades?.[from + i + 1]).every(Boolean);
  if (ours && version !== kind.version && !upgradable(version)) {
    throw new StoreRefusal(
      `${kind.named} has schema version ${version}; this Lark Admin reads version ${kind.version}.`,
    );
  }
  if (location !== ':memory:') {
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = FULL');
  }
  if (!ours) {
    transaction(() => {
      db.exec(kind.create);
      db.exec(`PRAGMA user_version = ${kind.version}`);
      db.exec(`PRAGMA application_id = ${kind.applicationId}`);
    });
  } else {
    if (applicationId === 0) db.exec(`PRAGMA application_id = ${kind.applicationId}`);
    if (version < kind.version)
      transaction(() => {
        for (let next = version + 1; next <= kind.version; next++) db.exec(kind.upgrades![next]!);
        db.exec(`PRAGMA user_version = ${kind.version}`);
      });
  }
  return { db, transaction, close: () => db.close() };
}
