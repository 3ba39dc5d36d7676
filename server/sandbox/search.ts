/** POST /v1/contacts/search: conditions, tags (all of them), status, sort, pages. */
import type { SQLInputValue } from 'node:sqlite';
import { messages } from '../../src/contract/messages.ts';
import {
  OPERATORS_BY_TYPE,
  SEARCH_LIMIT,
  SORT_FIELDS,
  SORT_ORDERS,
  type SearchOperator,
} from '../../src/contract/search.ts';
import { isContactStatus } from '../../src/contract/statuses.ts';
import { isFullDate } from '../../src/contract/values.ts';
import { toRecords, type ContactRecord, type ContactRow } from './contacts.ts';
import { isObject, isPositiveInteger, refuse, validationError } from './failure.ts';
import { listFields, type FieldRecord } from './fields.ts';
import type { Condition } from './matching.ts';
import { pageOf, readPaging, type Page } from './paging.ts';
import type { Store } from './store.ts';

const isNumeric = (value: unknown) =>
  (typeof value === 'number' && Number.isFinite(value)) ||
  (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)));

/** Whether a condition's value can be compared with the field's values at all. */
function valueFits(field: FieldRecord, operator: SearchOperator, value: unknown): boolean {
  if (operator === 'EXISTS') return true;
  switch (field.type) {
    case 'NUMBER':
      return isNumeric(value);
    case 'BOOLEAN':
      return typeof value === 'boolean' || value === 'true' || value === 'false';
    case 'DATE':
      return isFullDate(value);
    case 'DROPDOWN_MULTIPLE':
      return typeof value === 'string' || (Array.isArray(value) && value.every((item) => typeof item === 'string'));
    default:
      return typeof value === 'string';
  }
}

function readConditions(raw: unknown, workspace: FieldRecord[]): { mergeTag: string; condition: Condition }[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) throw validationError();
  return raw.map((item) => {
    if (!isObject(item) || typeof item.merge_tag !== 'string') throw validationError();
    const field = workspace.find((candidate) => candidate.merge_tag === item.merge_tag);
    if (!field) throw refuse(messages.unknownMergeTag(item.merge_tag));
    const operator = item.operator as SearchOperator;
    if (!OPERATORS_BY_TYPE[field.type].includes(operator) || !valueFits(field, operator, item.value)) {
      throw validationError();
    }
    return { mergeTag: field.merge_tag, condition: { type: field.type, operator, value: item.value } };
  });
}

function oneOf<T extends string>(raw: unknown, allowed: readonly T[], fallback: T): T {
  if (raw === undefined) return fallback;
  if (!allowed.includes(raw as T)) throw validationError();
  return raw as T;
}

export function searchContacts(store: Store, rawBody: unknown): Page<'contacts', ContactRecord> {
  if (rawBody !== undefined && !isObject(rawBody)) throw validationError();
  const body = rawBody ?? {};
  const where: string[] = [];
  const params: SQLInputValue[] = [];

  for (const { mergeTag, condition } of readConditions(body.fields, listFields(store))) {
    // Merge tags are [a-z_] only, so the JSON path is safe to build.
    where.push(`condition_matches(data -> '$.${mergeTag}', ?)`);
    params.push(JSON.stringify(condition));
  }
  if (body.tags !== undefined) {
    if (!Array.isArray(body.tags) || !body.tags.every(isPositiveInteger)) throw validationError();
    const tagIds = [...new Set(body.tags as number[])];
    if (tagIds.length > 0) {
      where.push(
        `seq IN (SELECT contact_seq FROM contact_tags WHERE tag_id IN (SELECT value FROM json_each(?))
                 GROUP BY contact_seq HAVING COUNT(*) = ?)`,
      );
      params.push(JSON.stringify(tagIds), tagIds.length);
    }
  }
  if (body.status !== undefined) {
    if (!isContactStatus(body.status)) throw refuse(messages.statusInvalid);
    where.push('status = ?');
    params.push(body.status);
  }
  const paging = readPaging(body.page, body.limit, SEARCH_LIMIT);
  const sortBy = oneOf(body.sort_by, SORT_FIELDS, 'created_at');
  const sortOrder = oneOf(body.sort_order, SORT_ORDERS, 'asc');

  const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const { count } = store.db.prepare(`SELECT COUNT(*) AS count FROM contacts ${filter}`).get(...params) as {
    count: number;
  };
  const rows = store.db
    .prepare(`SELECT * FROM contacts ${filter} ORDER BY ${sortBy} ${sortOrder}, seq ${sortOrder} LIMIT ? OFFSET ?`)
    .all(...params, paging.limit, paging.offset) as unknown as ContactRow[];
  return pageOf('contacts', toRecords(store, rows), paging, count);
}
