/**
 * Signed-in people, kept on the server so that "Sign out" ends a session everywhere, and a role
 * follows the settings (LARK_ADMINS...) as they are now: the cookie holds only a random id,
 * sealed. A session slides for 12 hours of use and ends 7 days after sign-in whatever happens.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '../../src/contract/access.ts';
import type { SqliteFile } from '../sqlite-file.ts';

export const IDLE_MS = 12 * 3_600_000;
export const LIFETIME_MS = 7 * 86_400_000;
/** A session's last use is written at most this often: a page load is not a disk write each time. */
const TOUCH_EVERY_MS = 60_000;

export interface Person {
  id: string;
  name: string;
  email: string | null;
  role: Role;
}

export interface Session {
  person: Person;
  /** The groups the provider named at sign-in: the role is read from them on every request. */
  groups: string[];
  createdAt: number;
  seenAt: number;
}

interface SessionRow {
  person_id: string;
  name: string;
  email: string | null;
  role: Role;
  groups: string;
  created_at: number;
  seen_at: number;
}

const hashOf = (id: string) => createHash('sha256').update(id).digest('base64url');

export type Sessions = ReturnType<typeof createSessions>;

export function createSessions({ db }: SqliteFile, now: () => number = Date.now) {
  const ended = (row: SessionRow, at: number) => at - row.seen_at >= IDLE_MS || at - row.created_at >= LIFETIME_MS;
  return {
    /**
     * A new session's id, for the cookie; only its hash is stored. `idToken` is kept for signing
     * out of the provider too, which asks for it back.
     */
    start(person: Person, groups: readonly string[] = [], idToken: string | null = null): string {
      const id = randomBytes(32).toString('base64url');
      const at = now();
      db.prepare(
        `INSERT INTO sessions (id_hash, person_id, name, email, role, groups, id_token, created_at, seen_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(hashOf(id), person.id, person.name, person.email, person.role, JSON.stringify(groups), idToken, at, at);
      return id;
    },

    /** The live session with this id, its use recorded; null when unknown or ended (and then removed). */
    use(id: string): (Session & { touched: boolean }) | null {
      const hash = hashOf(id);
      const row = db.prepare('SELECT * FROM sessions WHERE id_hash = ?').get(hash) as SessionRow | undefined;
      if (!row) return null;
      const at = now();
      if (ended(row, at)) {
        db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(hash);
        return null;
      }
      const touched = at - row.seen_at >= TOUCH_EVERY_MS;
      if (touched) db.prepare('UPDATE sessions SET seen_at = ? WHERE id_hash = ?').run(at, hash);
      return {
        person: { id: row.person_id, name: row.name, email: row.email, role: row.role },
        groups: JSON.parse(row.groups) as string[],
        createdAt: row.created_at,
        seenAt: touched ? at : row.seen_at,
        touched,
      };
    },

    /** Ends the session; its ID token, if it was live and had one. */
    end(id: string): string | null {
      const row = db.prepare('DELETE FROM sessions WHERE id_hash = ? RETURNING id_token').get(hashOf(id)) as
        { id_token: string | null } | undefined;
      return row?.id_token ?? null;
    },

    /** Ends every session of one person (their groups no longer let them in). */
    endAllOf(personId: string) {
      db.prepare('DELETE FROM sessions WHERE person_id = ?').run(personId);
    },

    /** Removes every ended session. */
    purge(): number {
      const at = now();
      return Number(
        db
          .prepare('DELETE FROM sessions WHERE ? - seen_at >= ? OR ? - created_at >= ?')
          .run(at, IDLE_MS, at, LIFETIME_MS).changes,
      );
    },
  };
}
