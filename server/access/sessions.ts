/**
 * Signed-in people, kept on the server so that "Sign out" ends a session everywhere, and a role
 * follows the settings (LARK_ADMINS...) as they are now: the session keeps the person's groups,
 * never a role, and the cookie holds only a random id, sealed. A session slides for 12 hours of
 * use and ends 7 days after sign-in whatever happens.
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

/** Who signed in, as the provider named them; their role is worked out from their groups on each request. */
export type SignedIn = Omit<Person, 'role'>;

interface Session {
  person: SignedIn;
  /** The groups the provider named at sign-in. */
  groups: string[];
  /** Set when this use was written down: how long the cookie should now live, in seconds. */
  renewFor: number | null;
}

interface SessionRow {
  person_id: string;
  name: string;
  email: string | null;
  groups: string;
  created_at: number;
  seen_at: number;
}

const hashOf = (id: string) => createHash('sha256').update(id).digest('base64url');

export type Sessions = ReturnType<typeof createSessions>;

export function createSessions({ db }: SqliteFile, now: () => number = Date.now) {
  // Prepared once: `use` runs on every request.
  const insert = db.prepare(
    `INSERT INTO sessions (id_hash, person_id, name, email, groups, id_token, created_at, seen_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const select = db.prepare('SELECT * FROM sessions WHERE id_hash = ?');
  const touch = db.prepare('UPDATE sessions SET seen_at = ? WHERE id_hash = ?');
  const remove = db.prepare('DELETE FROM sessions WHERE id_hash = ? RETURNING id_token');
  const removeAllOf = db.prepare('DELETE FROM sessions WHERE person_id = ?');
  const purgeEnded = db.prepare('DELETE FROM sessions WHERE ? - seen_at >= ? OR ? - created_at >= ?');
  const ended = (row: SessionRow, at: number) => at - row.seen_at >= IDLE_MS || at - row.created_at >= LIFETIME_MS;

  return {
    /**
     * A new session's id, for the cookie; only its hash is stored. `idToken` is kept for signing
     * out of the provider too, which asks for it back.
     */
    start(person: SignedIn, groups: readonly string[], idToken: string | null): string {
      const id = randomBytes(32).toString('base64url');
      const at = now();
      insert.run(hashOf(id), person.id, person.name, person.email, JSON.stringify(groups), idToken, at, at);
      return id;
    },

    /** The live session with this id, its use recorded; null when unknown or ended (and then removed). */
    use(id: string): Session | null {
      const hash = hashOf(id);
      const row = select.get(hash) as SessionRow | undefined;
      if (!row) return null;
      const at = now();
      if (ended(row, at)) {
        remove.get(hash);
        return null;
      }
      const touched = at - row.seen_at >= TOUCH_EVERY_MS;
      if (touched) touch.run(at, hash);
      return {
        person: { id: row.person_id, name: row.name, email: row.email },
        groups: JSON.parse(row.groups) as string[],
        renewFor: touched ? Math.max(1, Math.floor(Math.min(IDLE_MS, row.created_at + LIFETIME_MS - at) / 1000)) : null,
      };
    },

    /** Ends the session; its ID token, if it was live and had one. */
    end(id: string): string | null {
      const row = remove.get(hashOf(id)) as { id_token: string | null } | undefined;
      return row?.id_token ?? null;
    },

    /** Ends every session of one person (their groups no longer let them in). */
    endAllOf(personId: string) {
      removeAllOf.run(personId);
    },

    /** Removes every ended session. */
    purge(): number {
      const at = now();
      return Number(purgeEnded.run(at, IDLE_MS, at, LIFETIME_MS).changes);
    },
  };
}
