/**
 * Lark Admin's audit trail (/api/history and /api/activity): each write made through Lark Admin,
 * by whom, and for each value it changed, before and after. The shapes the server records and the
 * SPA reads, in one place for both.
 */

export type AuditKind = 'contact' | 'field' | 'tag';
export type AuditAction = 'created' | 'changed' | 'deleted';

/**
 * One changed value. `key` is a merge tag, or `status` / `tags` for a contact, or the attribute
 * of a field or tag (`label`, `options`, `name`...). Tags are lists of tag ids; `known: false`
 * says the value before was not read (a write whose contact could not be looked up first).
 */
export interface AuditChange {
  key: string;
  before: unknown;
  after: unknown;
  known?: false;
}

export interface AuditEntry {
  id: number;
  /** Milliseconds since 1970. */
  at: number;
  actor: { id: string; name: string };
  kind: AuditKind;
  action: AuditAction;
  /** The contact's id, the field's or the tag's. */
  targetId: string;
  /** What a person calls it: the contact's address, the field's label, the tag's name. */
  targetName: string;
  changes: AuditChange[];
  /** Written by a job (its undo too): by one of its rows, or (row null) by its step on a field's options; null for a save in a form. */
  job: { id: number; row: number | null } | null;
}

export interface AuditPage {
  entries: AuditEntry[];
  /** Pass as `before` for the next (older) page; null at the end. */
  next: number | null;
}

/**
 * GET /api/activity: a page of everyone's entries, and, on the first page only (no `before`),
 * everyone who has any, for the filter: an export reading every page does not list them each time.
 */
export interface ActivityPage extends AuditPage {
  actors?: { id: string; name: string }[];
}

/** Filters of /api/activity, as query parameters. */
export interface ActivityFilter {
  actor?: string;
  kind?: AuditKind;
  /** Inclusive, as YYYY-MM-DD in the server's time zone (UTC). */
  from?: string;
  to?: string;
}

export const AUDIT_PAGE_SIZE = 100;

/**
 * The contact a write by id is about (PUT, tags add and remove), by its address: the contract
 * has no read by id, so the SPA says which address it means (URI-encoded), and the server checks the id.
 */
export const CONTACT_EMAIL_HEADER = 'X-Lark-Contact-Email';
