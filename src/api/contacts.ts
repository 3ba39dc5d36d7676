/** Contacts: search (the only way to list them), one by email, create and update. */
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import * as z from 'zod/mini';
import type { SearchOperator, SortField, SortOrder } from '../contract/search.ts';
import type { ContactStatus } from '../contract/statuses.ts';
import type { WireValue } from '../contract/values.ts';
import { request } from './client.ts';
import { contactSchema, paginationSchema } from './schemas.ts';

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

export const contactQueries = {
  all: () => ['contacts'] as const,
  search: (search: ContactSearch) =>
    queryOptions({
      queryKey: [...contactQueries.all(), 'search', search] as const,
      queryFn: ({ signal }) => request('/v1/contacts/search', { method: 'POST', body: search, schema: searchResultSchema, signal }),
      // The table keeps showing the last page while the next one loads.
      placeholderData: keepPreviousData,
    }),
  byEmail: (email: string) =>
    queryOptions({
      queryKey: [...contactQueries.all(), 'by-email', email.trim().toLowerCase()] as const,
      queryFn: ({ signal }) =>
        request(`/v1/contacts/by-email?email=${encodeURIComponent(email.trim())}`, { schema: contactSchema, signal }),
    }),
};

/** The body of Create and Update Contact: values keyed by merge tag, tag ids, a status. */
export interface ContactInput {
  fields: Record<string, WireValue>;
  tags: number[];
  status: ContactStatus;
}

function useInvalidateContacts() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: contactQueries.all() });
}

export function useCreateContact() {
  const invalidate = useInvalidateContacts();
  return useMutation({
    mutationFn: (input: ContactInput) => request('/v1/contacts', { method: 'POST', body: input, schema: contactSchema }),
    onSuccess: invalidate,
  });
}

/** PUT replaces the whole record: values not sent are deleted, so callers send everything. */
export function useUpdateContact() {
  const invalidate = useInvalidateContacts();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: ContactInput }) =>
      request(`/v1/contacts/${encodeURIComponent(id)}`, { method: 'PUT', body: input, schema: contactSchema }),
    onSuccess: invalidate,
  });
}
