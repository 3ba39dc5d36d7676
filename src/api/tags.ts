/** Tags: every page of the list, and creating one (the contact form's "Create tag …"). */
import { queryOptions, useMutation } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { request } from './client.ts';
import { tagPageUrl } from './read-urls.ts';
import { contactQueries } from './contacts.ts';
import { paginationSchema, sentenceSchema, tagSchema, type Tag } from './schemas.ts';

const tagPageSchema = z.object({ tags: z.array(tagSchema), pagination: paginationSchema });

/** The API pages tags; the admin needs all of them at once, so every page is read. */
async function fetchAllTags(signal: AbortSignal): Promise<Tag[]> {
  const tags: Tag[] = [];
  for (let page = 1; ; page++) {
    const answer = await request(tagPageUrl(page), { schema: tagPageSchema, signal });
    tags.push(...answer.tags);
    if (answer.tags.length === 0 || page >= answer.pagination.total_pages) return tags;
  }
}

export const tagQueries = {
  all: () => queryOptions({ queryKey: ['tags'] as const, queryFn: ({ signal }) => fetchAllTags(signal) }),
};

export interface TagInput {
  name: string;
  description?: string;
}

/** Contacts carry their tags' names, so renaming or deleting a tag changes them too. */
const meta = { invalidates: [tagQueries.all().queryKey, contactQueries.all()] };

export function useCreateTag() {
  return useMutation({
    mutationFn: (input: TagInput) => request('/v1/tags', { method: 'POST', body: input, schema: tagSchema }),
    meta: { invalidates: [tagQueries.all().queryKey] },
  });
}

export function useUpdateTag() {
  return useMutation({
    mutationFn: ({ id, input }: { id: number; input: TagInput }) =>
      request(`/v1/tags/${id}`, { method: 'PATCH', body: input, schema: tagSchema }),
    meta,
  });
}

export function useDeleteTag() {
  return useMutation({
    mutationFn: (id: number) => request(`/v1/tags/${id}`, { method: 'DELETE', schema: sentenceSchema }),
    meta,
  });
}
