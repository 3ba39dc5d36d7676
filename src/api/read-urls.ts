/**
 * The addresses of the reads a page starts with, in one place: the API modules fetch them, and the
 * server names them in each page's HTML so the browser fetches them while the app's code loads.
 */
import { TAG_PAGE_LIMIT } from '../contract/tags.ts';

export const READ_URLS = {
  status: '/api/status',
  me: '/api/me',
  fields: '/v1/fields',
  tags: `/v1/tags?page=1&limit=${TAG_PAGE_LIMIT.max}`,
} as const;

export type FirstRead = keyof typeof READ_URLS;

export const tagPageUrl = (page: number) =>
  page === 1 ? READ_URLS.tags : `/v1/tags?page=${page}&limit=${TAG_PAGE_LIMIT.max}`;
