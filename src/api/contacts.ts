/** Contacts: search (the only way to list them), one by email, create and update. */
import { keepPreviousData, queryOptions, useMutation } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { SEARCH_LIMIT, type SearchOperator, type SortField, type SortOrder } from '../contract/search.ts';
import type { ContactStatus } from '../contract/statuses.ts';
import { CONTACT_EMAIL_HEADER } from '../contract/audit.ts';
import type { WireValue } from '../contract/values.ts';
import { request } from './client.ts';
import { contactSchema, paginationSchema, type Contact } from './schemas.ts';

export interface SearchCondition {
  merge_tag: string;
  operator: SearchOperator;
  value?: WireValue;
}

/** The body of Search Contacts. */
export interface ContactSearch {
  fields?: SearchCondition[];
  tags?: number[];
  status?: ContactStatus;
  page: number;
  limit: number;
  sort_by: SortField;
  sort_order: SortOrder;
}

const searchResultSchema = z.object({ contacts: z.array(contactSchema), pagination: paginationSchema });

type SearchPage = z.output<typeof searchResultSchema>;

function mergedPages(pages: readonly SearchPage[], search: ContactSearch) {
  if (pages.length === 1) return { ...pages[0]!, estimate: false };
  const byId = new Map(pages.flatMap((page) => page.contacts).map((contact) => [contact.id, contact]));
  const direction = search.sort_order === 'asc' ? 1 : -1;
  // Both pages in full (a page may then hold up to twice as many), so no contact falls between pages.
  const contacts = [...byId.values()].sort((a, b) => direction * a[search.sort_by].localeCompare(b[search.sort_by]));
  const counts = pages.map((page) => page.pagination.total_count);
  return {
    contacts,
    pagination: {
      ...pages[0]!.pagination,
      total_count: counts.reduce((sum, count) => sum + count, 0),
      total_pages: Math.max(...pages.map((page) => page.pagination.total_pages)),
    },
    estimate: counts.filter((count) => count > 0).length > 1,
  };
}

export const contactQueries = {
  all: () => ['contacts'] as const,
  /**
   * Contacts matching any of several searches (the contract's conditions must all hold, so "first
   * or last name" is two searches): each page merged, each contact once. The total is then an
   * estimate when both found some, since a contact matching both is counted twice.
   */
  anyOf: (searches: readonly ContactSearch[]) =>
    queryOptions({
      queryKey: [...contactQueries.all(), 'any-of', searches] as const,
      queryFn: async ({ signal }) => {
        const pages = await Promise.all(
          searches.map((search) =>
            request('/v1/contacts/search', { method: 'POST', body: search, schema: searchResultSchema, signal }),
          ),
        );
        return mergedPages(pages, searches[0]!);
      },
      placeholderData: keepPreviousData,
    }),
  /**
   * How many contacts match: the smallest page of a search, read for its `total_count`. Used to
   * say what a destructive change touches before it is made.
   */
  count: (filter: Pick<ContactSearch, 'fields' | 'tags'>) =>
    queryOptions({
      queryKey: [...contactQueries.all(), 'count', filter] as const,
      queryFn: ({ signal }) =>
        request('/v1/contacts/search', {
          method: 'POST',
          body: { ...filter, page: 1, limit: SEARCH_LIMIT.min },
          schema: searchResultSchema,
          signal,
        }),
      select: (result) => result.pagination.total_count,
      // A count guides a decision about to be made: never an old one.
      staleTime: 0,
    }),
  byEmail: (email: string) =>
    queryOptions({
      queryKey: [...contactQueries.all(), 'by-email', email.trim().toLowerCase()] as const,
      queryFn: ({ signal }) => readContactByEmail(email, signal),
    }),
};

/** The contact as stored now, outside the cache (a save reads it afresh without disturbing the page). */
export const readContactByEmail = (email: string, signal?: AbortSignal) =>
  request(`/v1/contacts/by-email?email=${encodeURIComponent(email.trim())}`, { schema: contactSchema, signal });

/** The body of Create and Update Contact: values keyed by merge tag, tag ids, a status. */
export interface ContactInput {
  fields: Record<string, WireValue>;
  tags: number[];
  status: ContactStatus;
}

/**
 * Changes to a stored contact. `patch` sends only the changed values (an upsert by the contact's
 * current address with `partial_update`; `null` clears a value), and tags as the ones added and
 * removed, so values and tags nobody touched are never sent back from a stale copy. `replace`
 * (PUT) is for a change of address, which an upsert cannot make: it carries the whole record as
 * read just before.
 */
export type ContactWrite =
  | {
      kind: 'patch';
      id: string;
      email: string;
      fields: Record<string, WireValue | null>;
      status?: ContactStatus;
      tags?: { added: number[]; removed: number[] };
    }
  /** `email`: the address as stored, before this write changes it. */
  | { kind: 'replace'; id: string; email: string; input: ContactInput };

/** Names the contact a write by id is about, for the server's audit trail (the contract cannot read by id). */
const about = (email: string) => ({ [CONTACT_EMAIL_HEADER]: encodeURIComponent(email) });

async function patchContact({
  id,
  email,
  fields,
  status,
  tags,
}: Extract<ContactWrite, { kind: 'patch' }>): Promise<Contact> {
  let contact: Contact | undefined;
  if (Object.keys(fields).length > 0 || status !== undefined) {
    contact = await request('/v1/contacts/upsert', {
      method: 'POST',
      body: { email_address: email, partial_update: true, fields, ...(status ? { status } : {}) },
      schema: contactSchema,
    });
  }
  // Each step is safe to send again: the values are the same, and adding or removing a tag twice changes nothing.
  for (const [change, ids] of [
    ['add', tags?.added ?? []],
    ['remove', tags?.removed ?? []],
  ] as const) {
    if (ids.length > 0)
      contact = await request(`/v1/contacts/${encodeURIComponent(id)}/tags/${change}`, {
        method: 'POST',
        headers: about(email),
        body: { tag_ids: ids },
        schema: contactSchema,
      });
  }
  return contact!;
}

const meta = { invalidates: [contactQueries.all()] };

export function useCreateContact() {
  return useMutation({
    mutationFn: (input: ContactInput) =>
      request('/v1/contacts', { method: 'POST', body: input, schema: contactSchema }),
    meta,
  });
}

export function useWriteContact() {
  return useMutation({
    mutationFn: (write: ContactWrite) =>
      write.kind === 'patch'
        ? patchContact(write)
        : request(`/v1/contacts/${encodeURIComponent(write.id)}`, {
            method: 'PUT',
            headers: about(write.email),
            body: write.input,
            schema: contactSchema,
          }),
    meta,
  });
}

/**
 * A page's contacts checked for what an export or a bulk change reads of them (address, values,
 * status, tags), not every statistic: the same check the list makes, for 250 contacts a page.
 */
const pageContactSchema = z.object({
  id: z.string(),
  status: z.string(),
  tags: z.array(z.object({ id: z.int(), name: z.string() })),
  data: z.record(z.string(), z.unknown()),
  created_at: z.string(),
  updated_at: z.string(),
});
const readPageSchema = z.object({ contacts: z.array(pageContactSchema), pagination: paginationSchema });
export type PageContact = z.output<typeof pageContactSchema>;

type SearchConditions = Omit<ContactSearch, 'page' | 'limit' | 'sort_by' | 'sort_order'>;

/**
 * Every page of a search, 250 a page (the contract's largest), oldest first whatever the list's
 * order: a contact changed meanwhile cannot move between pages. The next page is asked for while
 * this one is used, so using it costs no waiting.
 */
export async function* searchPages(conditions: SearchConditions, signal?: AbortSignal) {
  const body = { ...conditions, sort_by: 'created_at', sort_order: 'asc', limit: SEARCH_LIMIT.max };
  const read = (page: number) => {
    const answer = request('/v1/contacts/search', {
      method: 'POST',
      body: { ...body, page },
      schema: readPageSchema,
      signal,
    });
    // Left unread when the reader stops early: its failure is nobody's to hear.
    answer.catch(() => {});
    return answer;
  };
  let next = read(1);
  for (let page = 1; ; page++) {
    const answer = await next;
    signal?.throwIfAborted();
    const more = answer.contacts.length === SEARCH_LIMIT.max && page < answer.pagination.total_pages;
    if (more) next = read(page + 1);
    yield answer;
    if (!more) return;
  }
}

/**
 * Every contact of the workspace (or of a search's conditions): what an import's dry run compares
 * the file with, and what a bulk change over a whole search is made for. `onPage` hears the
 * running count.
 */
export async function readEveryContact(
  onPage: (read: number, total: number) => void,
  conditions: Pick<ContactSearch, 'fields' | 'tags' | 'status'> = {},
): Promise<PageContact[]> {
  const contacts: PageContact[] = [];
  for await (const answer of searchPages(conditions)) {
    contacts.push(...answer.contacts);
    onPage(contacts.length, answer.pagination.total_count);
  }
  return contacts;
}
