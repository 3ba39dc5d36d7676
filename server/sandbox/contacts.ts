/** Contacts in the sandbox: create, replace, upsert, find by email, add and remove tags. */
import { randomBytes } from 'node:crypto';
import { EMAIL_MERGE_TAG } from '../../src/contract/field-types.ts';
import { expectedValue, messages } from '../../src/contract/messages.ts';
import { DEFAULT_STATUS, isContactStatus, type ContactStatus } from '../../src/contract/statuses.ts';
import { checkValue, isEmptyValue, isPlausibleEmail, type WireValue } from '../../src/contract/values.ts';
import { isObject, isPositiveInteger, notFound, refuse, validationError, type JsonObject } from './failure.ts';
import { listFields, type FieldRecord } from './fields.ts';
import type { Store } from './store.ts';

export type ContactData = Record<string, WireValue>;

export interface ContactRecord {
  id: string;
  status: ContactStatus;
  tags: { id: number; name: string }[];
  data: ContactData;
  statistics: { total_opens: number; total_clicks: number; total_bounces: number; total_delivered: number };
  last_opened_at: string | null;
  last_clicked_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ContactRow {
  seq: number;
  id: string;
  status: string;
  data: string;
  statistics: string;
  last_opened_at: string | null;
  last_clicked_at: string | null;
  created_at: string;
  updated_at: string;
}

const NO_STATISTICS = { total_opens: 0, total_clicks: 0, total_bounces: 0, total_delivered: 0 };

/** The API's timestamps: UTC, to the second ("2024-02-15T10:30:00Z"). */
const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
const emailKey = (email: string) => email.toLowerCase();

/** Rows as the API answers them, tags included, in the rows' own order. */
export function toRecords(store: Store, rows: ContactRow[]): ContactRecord[] {
  if (rows.length === 0) return [];
  const tagRows = store.db
    .prepare(
      `SELECT ct.contact_seq AS seq, t.id, t.name FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id
       WHERE ct.contact_seq IN (SELECT value FROM json_each(?)) ORDER BY t.id`,
    )
    .all(JSON.stringify(rows.map((row) => row.seq))) as { seq: number; id: number; name: string }[];
  return rows.map((row) => ({
    id: row.id,
    status: row.status as ContactStatus,
    tags: tagRows.filter((tag) => tag.seq === row.seq).map(({ id, name }) => ({ id, name })),
    data: JSON.parse(row.data) as ContactData,
    statistics: JSON.parse(row.statistics) as ContactRecord['statistics'],
    last_opened_at: row.last_opened_at,
    last_clicked_at: row.last_clicked_at,
    created_at: row.created_at,
    updated_at: row.updated_at,
  }));
}

function rowBy(store: Store, column: 'id' | 'email_key' | 'seq', value: string | number): ContactRow | undefined {
  return store.db.prepare(`SELECT * FROM contacts WHERE ${column} = ?`).get(value) as ContactRow | undefined;
}

function recordOf(store: Store, seq: number): ContactRecord {
  return toRecords(store, [rowBy(store, 'seq', seq)!])[0]!;
}

function readContactId(rawId: string): string {
  if (!/^[0-9a-f]{24}$/i.test(rawId)) throw refuse(messages.contactIdInvalid);
  return rawId.toLowerCase();
}

function existingContact(store: Store, id: string): ContactRow {
  const row = rowBy(store, 'id', id);
  if (!row) throw notFound(messages.contactNotFound);
  return row;
}

interface ReadValues {
  values: ContactData;
  /** Merge tags sent empty: for a partial upsert, the values to clear. */
  cleared: string[];
}

/** Checks each sent value against its field; unknown merge tags first, then fields in order. */
function readValues(fields: JsonObject, workspace: FieldRecord[]): ReadValues {
  const byMergeTag = new Map(workspace.map((field) => [field.merge_tag, field]));
  const unknown = Object.keys(fields).find((key) => !byMergeTag.has(key));
  if (unknown !== undefined) throw refuse(messages.unknownMergeTag(unknown));

  const values: ContactData = {};
  const cleared: string[] = [];
  for (const field of workspace) {
    if (!Object.hasOwn(fields, field.merge_tag)) continue;
    const value = fields[field.merge_tag];
    if (isEmptyValue(value)) {
      cleared.push(field.merge_tag);
    } else if (field.merge_tag === EMAIL_MERGE_TAG) {
      if (typeof value !== 'string' || !isPlausibleEmail(value)) {
        throw refuse(messages.fieldValueInvalid(field.label, expectedValue.email));
      }
      values[field.merge_tag] = value;
    } else if (checkValue(field, value)) {
      values[field.merge_tag] = value;
    } else {
      throw refuse(messages.fieldValueInvalid(field.label, expectedValue[field.type]));
    }
  }
  return { values, cleared };
}

/** Every contact has an email, and a value for every required field. */
function assertComplete(data: ContactData, workspace: FieldRecord[]) {
  if (data[EMAIL_MERGE_TAG] === undefined) throw refuse(messages.emailRequired);
  const missing = workspace.find((field) => field.required && data[field.merge_tag] === undefined);
  if (missing) throw refuse(messages.fieldRequired(missing.label));
}

/** Tag ids as sent (undefined when not sent), each one existing. */
function readTagIds(store: Store, raw: unknown): number[] | undefined {
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw) || !raw.every(isPositiveInteger)) throw validationError();
  const ids = [...new Set(raw)];
  const lookup = store.db.prepare('SELECT 1 FROM tags WHERE id = ?');
  const unknown = ids.find((id) => !lookup.get(id));
  if (unknown !== undefined) throw refuse(messages.tagIdUnknown(unknown));
  return ids;
}

function readStatus(raw: unknown, missingMessage: string): ContactStatus {
  if (raw === undefined || raw === null || raw === '') throw refuse(missingMessage);
  if (!isContactStatus(raw)) throw refuse(messages.statusInvalid);
  return raw;
}

function assertEmailFree(store: Store, email: string, exceptSeq: number) {
  const holder = rowBy(store, 'email_key', emailKey(email));
  if (holder && holder.seq !== exceptSeq) throw refuse(messages.contactEmailTaken);
}

interface ContactWrite {
  data: ContactData;
  status: ContactStatus;
  tagIds: number[];
}

function insertContact(store: Store, write: ContactWrite): ContactRecord {
  const at = now();
  const { seq } = store.db
    .prepare(
      `INSERT INTO contacts (id, email_key, status, data, statistics, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING seq`,
    )
    .get(
      randomBytes(12).toString('hex'),
      emailKey(write.data[EMAIL_MERGE_TAG] as string),
      write.status,
      JSON.stringify(write.data),
      JSON.stringify(NO_STATISTICS),
      at,
      at,
    ) as { seq: number };
  replaceTags(store, seq, write.tagIds);
  return recordOf(store, seq);
}

function rewriteContact(store: Store, seq: number, write: ContactWrite): ContactRecord {
  store.db
    .prepare('UPDATE contacts SET email_key = ?, status = ?, data = ?, updated_at = ? WHERE seq = ?')
    .run(emailKey(write.data[EMAIL_MERGE_TAG] as string), write.status, JSON.stringify(write.data), now(), seq);
  replaceTags(store, seq, write.tagIds);
  return recordOf(store, seq);
}

function tagIdsOf(store: Store, seq: number): number[] {
  const rows = store.db.prepare('SELECT tag_id FROM contact_tags WHERE contact_seq = ?').all(seq) as {
    tag_id: number;
  }[];
  return rows.map((row) => row.tag_id);
}

function replaceTags(store: Store, seq: number, tagIds: number[]) {
  store.db.prepare('DELETE FROM contact_tags WHERE contact_seq = ?').run(seq);
  const insert = store.db.prepare('INSERT INTO contact_tags (contact_seq, tag_id) VALUES (?, ?)');
  for (const tagId of tagIds) insert.run(seq, tagId);
}

function nonEmptyObject(value: unknown): value is JsonObject {
  return isObject(value) && Object.keys(value).length > 0;
}

export function createContact(store: Store, rawBody: unknown): ContactRecord {
  const body = isObject(rawBody) ? rawBody : {};
  if (!nonEmptyObject(body.fields)) throw refuse(messages.contactNoFields);
  const fields = body.fields;
  const status = readStatus(body.status, messages.contactStatusRequired);
  return store.transaction(() => {
    const workspace = listFields(store);
    const { values } = readValues(fields, workspace);
    assertComplete(values, workspace);
    const tagIds = readTagIds(store, body.tags) ?? [];
    assertEmailFree(store, values[EMAIL_MERGE_TAG] as string, 0);
    return insertContact(store, { data: values, status, tagIds });
  });
}

/** PUT replaces the record: the values sent are all it keeps. Tags are kept when not sent. */
export function replaceContact(store: Store, rawId: string, rawBody: unknown): ContactRecord {
  const id = readContactId(rawId);
  return store.transaction(() => {
    const current = existingContact(store, id);
    const body = isObject(rawBody) ? rawBody : {};
    if (!nonEmptyObject(body.fields)) throw refuse(messages.updateNoFields);
    const fields = body.fields;
    const status = readStatus(body.status, messages.updateStatusRequired);
    const workspace = listFields(store);
    const { values } = readValues(fields, workspace);
    assertComplete(values, workspace);
    const tagIds = readTagIds(store, body.tags) ?? tagIdsOf(store, current.seq);
    assertEmailFree(store, values[EMAIL_MERGE_TAG] as string, current.seq);
    return rewriteContact(store, current.seq, { data: values, status, tagIds });
  });
}

/**
 * Finds the contact by the top-level email. A full update replaces values, tags and status
 * (SUBSCRIBED when none is sent); a partial one changes only what is sent, and a value sent
 * empty clears it.
 */
export function upsertContact(store: Store, rawBody: unknown): ContactRecord {
  const body = isObject(rawBody) ? rawBody : {};
  const email = body.email_address;
  if (typeof email !== 'string' || email.trim() === '') throw refuse(messages.emailRequired);
  const status = body.status === undefined ? undefined : readStatus(body.status, messages.statusInvalid);
  if (body.partial_update !== undefined && typeof body.partial_update !== 'boolean') throw validationError();
  if (body.fields !== undefined && !isObject(body.fields)) throw validationError();
  const fields = body.fields ?? {};

  return store.transaction(() => {
    const workspace = listFields(store);
    const sentEmail = fields[EMAIL_MERGE_TAG];
    if (typeof sentEmail === 'string' && sentEmail !== '' && emailKey(sentEmail) !== emailKey(email)) {
      throw validationError();
    }
    const { values, cleared } = readValues({ ...fields, [EMAIL_MERGE_TAG]: email }, workspace);
    const tagIds = readTagIds(store, body.tags);
    const current = rowBy(store, 'email_key', emailKey(email));

    if (current && body.partial_update === true) {
      const data: ContactData = { ...(JSON.parse(current.data) as ContactData), ...values };
      for (const mergeTag of cleared) delete data[mergeTag];
      assertComplete(data, workspace);
      return rewriteContact(store, current.seq, {
        data,
        status: status ?? (current.status as ContactStatus),
        tagIds: tagIds ?? tagIdsOf(store, current.seq),
      });
    }
    assertComplete(values, workspace);
    const write = { data: values, status: status ?? DEFAULT_STATUS, tagIds: tagIds ?? [] };
    return current ? rewriteContact(store, current.seq, write) : insertContact(store, write);
  });
}

export function contactByEmail(store: Store, email: string | undefined): ContactRecord {
  if (email === undefined || email.trim() === '') throw refuse(messages.byEmailRequired);
  const row = rowBy(store, 'email_key', emailKey(email.trim()));
  if (!row) throw notFound(messages.byEmailNotFound);
  return recordOf(store, row.seq);
}

export function changeContactTags(
  store: Store,
  rawId: string,
  rawBody: unknown,
  change: 'add' | 'remove',
): ContactRecord {
  const id = readContactId(rawId);
  return store.transaction(() => {
    const current = existingContact(store, id);
    const body = isObject(rawBody) ? rawBody : {};
    const raw = body.tag_ids;
    if (!Array.isArray(raw) || raw.length === 0) throw refuse(messages.tagIdsRequired);
    const tagIds = readTagIds(store, raw)!;
    const held = new Set(tagIdsOf(store, current.seq));
    const next =
      change === 'add'
        ? [...held, ...tagIds.filter((tagId) => !held.has(tagId))]
        : [...held].filter((tagId) => !tagIds.includes(tagId));
    if (next.length === held.size && next.every((tagId) => held.has(tagId))) return recordOf(store, current.seq);
    replaceTags(store, current.seq, next);
    store.db.prepare('UPDATE contacts SET updated_at = ? WHERE seq = ?').run(now(), current.seq);
    return recordOf(store, current.seq);
  });
}
