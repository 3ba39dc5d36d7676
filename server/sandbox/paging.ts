/** The API's page/limit parameters and its `pagination` object. */
import { validationError } from './failure.ts';

export interface Paging {
  page: number;
  limit: number;
  offset: number;
}

export interface Pagination {
  current_page: number;
  per_page: number;
  total_pages: number;
  total_count: number;
}

export type Page<K extends string, T> = { [key in K]: T[] } & { pagination: Pagination };

interface Bounds {
  min: number;
  max: number;
  default: number;
}

/** Query strings ("2") and JSON numbers (2) alike; anything else is `Validation error`. */
export function readPaging(rawPage: unknown, rawLimit: unknown, bounds: Bounds): Paging {
  const page = wholeNumber(rawPage, 1);
  const limit = wholeNumber(rawLimit, bounds.default);
  if (page === null || page < 1 || limit === null || limit < bounds.min || limit > bounds.max) {
    throw validationError();
  }
  return { page, limit, offset: (page - 1) * limit };
}

function wholeNumber(raw: unknown, fallback: number): number | null {
  if (raw === undefined || raw === '') return fallback;
  const value = typeof raw === 'string' && /^\d{1,9}$/.test(raw) ? Number(raw) : raw;
  return Number.isSafeInteger(value) ? (value as number) : null;
}

export function pageOf<K extends string, T>(key: K, items: T[], paging: Paging, totalCount: number): Page<K, T> {
  const pagination: Pagination = {
    current_page: paging.page,
    per_page: paging.limit,
    total_pages: Math.ceil(totalCount / paging.limit),
    total_count: totalCount,
  };
  return { [key]: items, pagination } as Page<K, T>;
}
