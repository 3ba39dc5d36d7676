/** POST /v1/contacts/search: operators, paging and sorting. */
import type { FieldType } from './field-types.ts';

export const SEARCH_OPERATORS = [
  'EQUALS',
  'NOT_EQUALS',
  'CONTAINS',
  'NOT_CONTAINS',
  'EXISTS',
  'GREATER_THAN',
  'LESS_THAN',
] as const;

export type SearchOperator = (typeof SEARCH_OPERATORS)[number];

/**
 * Decision: which operators make sense for which type. The reference lists the operators but
 * not their reach; the sandbox refuses the others with `Validation error`, and the contacts
 * list offers only these.
 */
export const OPERATORS_BY_TYPE: Readonly<Record<FieldType, readonly SearchOperator[]>> = {
  TEXT: ['EQUALS', 'NOT_EQUALS', 'CONTAINS', 'NOT_CONTAINS', 'EXISTS'],
  NUMBER: ['EQUALS', 'NOT_EQUALS', 'GREATER_THAN', 'LESS_THAN', 'EXISTS'],
  BOOLEAN: ['EQUALS', 'NOT_EQUALS', 'EXISTS'],
  DATE: ['EQUALS', 'NOT_EQUALS', 'GREATER_THAN', 'LESS_THAN', 'EXISTS'],
  DROPDOWN_SINGLE: ['EQUALS', 'NOT_EQUALS', 'EXISTS'],
  DROPDOWN_MULTIPLE: ['CONTAINS', 'NOT_CONTAINS', 'EQUALS', 'NOT_EQUALS', 'EXISTS'],
  COUNTRY: ['EQUALS', 'NOT_EQUALS', 'EXISTS'],
};

export const SEARCH_LIMIT = { min: 10, max: 250, default: 50 } as const;
export const SORT_FIELDS = ['created_at', 'updated_at'] as const;
export const SORT_ORDERS = ['asc', 'desc'] as const;
export type SortField = (typeof SORT_FIELDS)[number];
export type SortOrder = (typeof SORT_ORDERS)[number];
