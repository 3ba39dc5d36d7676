/**
 * The contacts list's view (search, filters, sort, page) as URL parameters, so a view survives a
 * reload and can be shared, and the Search Contacts body it stands for.
 */
import type { ContactSearch, SearchCondition } from '../../api/contacts.ts';
import { EMAIL_MERGE_TAG } from '../../contract/field-types.ts';
import {
  OPERATORS_BY_TYPE,
  SORT_FIELDS,
  SORT_ORDERS,
  type SearchOperator,
  type SortField,
  type SortOrder,
} from '../../contract/search.ts';
import { CONTACT_STATUSES, type ContactStatus } from '../../contract/statuses.ts';
import { specForField } from '../../field-types/registry.ts';
import { contactRules, type KnownField } from '../../field-types/contact-values.ts';

export const PAGE_SIZE = 50;

export const SORTS = [
  { value: 'created_at:desc', label: 'Newest first' },
  { value: 'created_at:asc', label: 'Oldest first' },
  { value: 'updated_at:desc', label: 'Recently changed first' },
  { value: 'updated_at:asc', label: 'Least recently changed first' },
] as const;

/** A yes/no field's conditions: the operator and its value (as `default_value` text) in one choice. */
export const BOOLEAN_CONDITIONS = [
  { label: 'is Yes', op: 'EQUALS', value: 'true' },
  { label: 'is No', op: 'EQUALS', value: 'false' },
  { label: 'has a value', op: 'EXISTS', value: '' },
] as const;

export interface ContactView {
  /** Part of an email address. */
  q: string;
  /** Part of a first or last name. */
  name: string;
  status: ContactStatus | '';
  tags: number[];
  /** Field conditions, all of which must hold (the contract's search takes a list). */
  conditions: ConditionRow[];
  sort: SortField;
  order: SortOrder;
  page: number;
}

/** One field condition: merge tag, operator, and the value as its `default_value`-style text. */
export interface ConditionRow {
  field: string;
  op: SearchOperator | '';
  value: string;
}

/** In the address as `c=<merge tag>|<operator>|<value>`, one `c` a condition. */
const CONDITION_SEPARATOR = '|';

function readCondition(text: string): ConditionRow | null {
  const [field = '', op = '', ...value] = text.split(CONDITION_SEPARATOR);
  return field ? { field, op: op as SearchOperator | '', value: value.join(CONDITION_SEPARATOR) } : null;
}

const oneOf = <T extends string>(allowed: readonly T[], raw: string | null, fallback: T): T =>
  allowed.includes(raw as T) ? (raw as T) : fallback;

export function readView(params: URLSearchParams): ContactView {
  const page = Number(params.get('page'));
  return {
    q: params.get('q') ?? '',
    name: params.get('name') ?? '',
    status: oneOf(CONTACT_STATUSES, params.get('status'), '' as ContactStatus),
    tags: (params.get('tags') ?? '')
      .split(',')
      .map(Number)
      .filter((id) => Number.isInteger(id) && id > 0),
    conditions: [
      // The single condition of addresses from before there could be several.
      ...(params.get('field')
        ? [
            {
              field: params.get('field')!,
              op: (params.get('op') ?? '') as SearchOperator | '',
              value: params.get('value') ?? '',
            },
          ]
        : []),
      ...params.getAll('c').flatMap((text) => readCondition(text) ?? []),
    ],
    sort: oneOf(SORT_FIELDS, params.get('sort'), 'created_at'),
    order: oneOf(SORT_ORDERS, params.get('order'), 'desc'),
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

/** Only what differs from the defaults goes into the URL. */
export function writeView(view: ContactView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.q) params.set('q', view.q);
  if (view.name) params.set('name', view.name);
  if (view.status) params.set('status', view.status);
  if (view.tags.length > 0) params.set('tags', view.tags.join(','));
  for (const row of view.conditions)
    if (row.field) params.append('c', [row.field, row.op, row.op ? row.value : ''].join(CONDITION_SEPARATOR));
  if (view.sort !== 'created_at') params.set('sort', view.sort);
  if (view.order !== 'desc') params.set('order', view.order);
  if (view.page > 1) params.set('page', String(view.page));
  return params;
}

/** The field condition as the API takes it, or null while it is incomplete. */
export function conditionOf(view: ConditionRow, fields: readonly KnownField[]): SearchCondition | null {
  const field = fields.find((candidate) => candidate.merge_tag === view.field);
  if (!field || !view.op || !OPERATORS_BY_TYPE[field.type].includes(view.op)) return null;
  if (view.op === 'EXISTS') return { merge_tag: field.merge_tag, operator: 'EXISTS' };
  // A yes/no field is asked only what its choice offers (an address may say otherwise).
  if (
    field.type === 'BOOLEAN' &&
    !BOOLEAN_CONDITIONS.some((choice) => choice.op === view.op && choice.value === view.value)
  )
    return null;
  const spec = specForField(field);
  const rules = { ...contactRules(field), required: false };
  const value = spec.encode(spec.parseDefault(view.value, rules), rules);
  return value === undefined ? null : { merge_tag: field.merge_tag, operator: view.op, value };
}

export function searchOf(view: ContactView, fields: readonly KnownField[]): ContactSearch {
  const conditions: SearchCondition[] = [];
  if (view.q.trim()) conditions.push({ merge_tag: EMAIL_MERGE_TAG, operator: 'CONTAINS', value: view.q.trim() });
  for (const row of view.conditions) {
    const condition = conditionOf(row, fields);
    if (condition) conditions.push(condition);
  }
  return {
    ...(conditions.length > 0 ? { fields: conditions } : {}),
    ...(view.tags.length > 0 ? { tags: view.tags } : {}),
    ...(view.status ? { status: view.status } : {}),
    page: view.page,
    limit: PAGE_SIZE,
    sort_by: view.sort,
    sort_order: view.order,
  };
}

/**
 * The searches a view needs: one, or with a name, one for the first name and one for the last
 * (the contract's conditions must all hold, so "either" is two searches).
 */
export function searchesOf(view: ContactView, fields: readonly KnownField[]): ContactSearch[] {
  const search = searchOf(view, fields);
  const name = view.name.trim();
  if (!name) return [search];
  const names = ['first_name', 'last_name'].filter((tag) => fields.some((field) => field.merge_tag === tag));
  // Without name fields in the workspace, there is no name to search.
  if (names.length === 0) return [search];
  return names.map((tag) => ({
    ...search,
    fields: [...(search.fields ?? []), { merge_tag: tag, operator: 'CONTAINS', value: name }],
  }));
}

export const isFiltered = (view: ContactView) =>
  Boolean(
    view.name.trim() ||
    view.q.trim() ||
    view.status ||
    view.tags.length > 0 ||
    view.conditions.some((row) => row.field && row.op),
  );

/** How many filters the search applies (for "Filters (n)"); a condition without its value does not count. */
export const appliedFilters = (view: ContactView, fields: readonly KnownField[]) =>
  [view.q.trim() !== '', view.name.trim() !== '', view.status !== '', view.tags.length > 0].filter(Boolean).length +
  view.conditions.filter((row) => conditionOf(row, fields) !== null).length;

/** Operators in words; for dates, "after" and "before". */
export function operatorName(operator: SearchOperator, isDate: boolean): string {
  switch (operator) {
    case 'EQUALS':
      return 'is';
    case 'NOT_EQUALS':
      return 'is not';
    case 'CONTAINS':
      return 'contains';
    case 'NOT_CONTAINS':
      return 'does not contain';
    case 'EXISTS':
      return 'has a value';
    case 'GREATER_THAN':
      return isDate ? 'is after' : 'is more than';
    case 'LESS_THAN':
      return isDate ? 'is before' : 'is less than';
  }
}
