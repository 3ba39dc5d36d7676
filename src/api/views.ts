/** Saved views of the contacts list, kept by Lark Admin's server for every admin (/api/views). */
import { queryOptions, useMutation } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { request } from './client.ts';
import { sentenceSchema } from './schemas.ts';

const viewSchema = z.object({ id: z.string(), name: z.string(), query: z.string(), createdAt: z.number() });
export type SavedView = z.output<typeof viewSchema>;

const meta = { fromCampaignLark: false };

export const viewQueries = {
  all: () =>
    queryOptions({
      queryKey: ['views'] as const,
      queryFn: ({ signal }) => request('/api/views', { schema: z.array(viewSchema), signal }),
      meta,
    }),
};

export function useSaveView() {
  return useMutation({
    mutationFn: (view: { name: string; query: string }) =>
      request('/api/views', { method: 'POST', body: view, schema: viewSchema }),
    meta: { invalidates: [viewQueries.all().queryKey] },
  });
}

export function useDeleteView() {
  return useMutation({
    mutationFn: (id: string) => request(`/api/views/${id}`, { method: 'DELETE', schema: sentenceSchema }),
    meta: { invalidates: [viewQueries.all().queryKey] },
  });
}
