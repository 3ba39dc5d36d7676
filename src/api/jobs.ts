/**
 * Lark Admin's own /api/jobs: the server's job runner. A job's page polls while it runs, so its
 * progress moves without a reload, and stops polling once the job rests.
 */
import { queryOptions, useMutation } from '@tanstack/react-query';
import * as z from 'zod/mini';
import type {
  BulkAction,
  BulkRowInput,
  ImportParams,
  ImportRowInput,
  JobRowView,
  JobView,
  MigrateParams,
} from '../contract/jobs.ts';
import { request } from './client.ts';
import { contactQueries } from './contacts.ts';

const countsSchema = z.object({
  total: z.number(),
  done: z.number(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  skipped: z.number(),
  refused: z.number(),
});

// Typed with the contract's shapes, so the server's answer and this check cannot drift apart.
const jobSchema: z.ZodMiniType<JobView> = z.object({
  id: z.number(),
  kind: z.enum(['import', 'undo', 'tag', 'bulk', 'migrate']),
  title: z.string(),
  state: z.enum(['draft', 'queued', 'running', 'paused', 'cancelled', 'done']),
  counts: countsSchema,
  reason: z.nullable(z.string()),
  undoOf: z.nullable(z.number()),
  undoneBy: z.nullable(z.number()),
  rowsDeleted: z.boolean(),
  owner: z.nullable(z.object({ id: z.string(), name: z.string() })),
  createdAt: z.number(),
  startedAt: z.nullable(z.number()),
  finishedAt: z.nullable(z.number()),
  speed: z.nullable(z.object({ rowsPerSecond: z.number(), secondsLeft: z.nullable(z.number()) })),
});

const rowSchema: z.ZodMiniType<JobRowView> = z.object({
  n: z.number(),
  input: z.unknown(),
  step: z.enum(['pending', 'read', 'written', 'done', 'refused']),
  outcome: z.nullable(z.enum(['created', 'updated', 'unchanged', 'skipped'])),
  message: z.nullable(z.string()),
});

export type RowFilter = 'all' | 'refused' | 'created' | 'updated' | 'unchanged' | 'skipped';

/** A job still moving: its page and the list poll until it rests. */
export const isActive = (job: JobView) => job.state === 'queued' || job.state === 'running';

const POLL_MS = 1000;
const meta = { fromCampaignLark: false };
/** Jobs move on their own, in the server: a page shows them as they are now, never from the cache. */
const staleTime = 0;

export const jobQueries = {
  all: () =>
    queryOptions({
      queryKey: ['jobs'] as const,
      queryFn: ({ signal }) => request('/api/jobs', { schema: z.array(jobSchema), signal }),
      refetchInterval: (query) => (query.state.data?.some(isActive) ? POLL_MS * 2 : false),
      staleTime,
      meta,
    }),
  one: (id: number) =>
    queryOptions({
      queryKey: ['jobs', id] as const,
      queryFn: ({ signal }) => request(`/api/jobs/${id}`, { schema: jobSchema, signal }),
      refetchInterval: (query) => (query.state.data && isActive(query.state.data) ? POLL_MS : false),
      staleTime,
      meta,
    }),
  /** `seen`: how many such rows the job has counted; a new count reads the rows again. */
  rows: (id: number, filter: RowFilter, limit: number, seen: number) =>
    queryOptions({
      queryKey: ['jobs', id, 'rows', filter, limit, seen] as const,
      queryFn: ({ signal }) =>
        request(`/api/jobs/${id}/rows?filter=${filter}&limit=${limit}`, { schema: z.array(rowSchema), signal }),
      staleTime,
      meta,
    }),
};

/** Every row of a filter, page by page: for a download. */
export async function readAllRows(id: number, filter: RowFilter): Promise<JobRowView[]> {
  const rows: JobRowView[] = [];
  for (;;) {
    const after = rows.at(-1)?.n ?? 0;
    const page = await request(`/api/jobs/${id}/rows?filter=${filter}&after=${after}&limit=1000`, {
      schema: z.array(rowSchema),
    });
    rows.push(...page);
    if (page.length < 1000) return rows;
  }
}

/** A job's changes reach the contacts, so their lists are read again too. */
const invalidates = { invalidates: [['jobs'], contactQueries.all()] };

export function useJobControl() {
  return useMutation({
    mutationFn: ({ id, control }: { id: number; control: 'pause' | 'resume' | 'cancel' }) =>
      request(`/api/jobs/${id}/${control}`, { method: 'POST', schema: jobSchema }),
    meta: { invalidates: [['jobs']] },
  });
}

export function useUndoJob() {
  return useMutation({
    mutationFn: (id: number) => request(`/api/jobs/${id}/undo`, { method: 'POST', schema: jobSchema }),
    meta: invalidates,
  });
}

export function useTagCreated() {
  return useMutation({
    mutationFn: ({ id, tag }: { id: number; tag: { id: number; name: string } }) =>
      request(`/api/jobs/${id}/tag-created`, { method: 'POST', body: { tag }, schema: jobSchema }),
    meta: invalidates,
  });
}

/** An import in three moves (see server/jobs/api.ts): a draft, its rows in pieces, the start. */
export const createImportJob = (title: string, params: ImportParams) =>
  request('/api/jobs', { method: 'POST', body: { kind: 'import', title, params }, schema: jobSchema });

export const createBulkJob = (title: string, action: BulkAction) =>
  request('/api/jobs', { method: 'POST', body: { kind: 'bulk', title, params: action }, schema: jobSchema });

export const createMigrateJob = (title: string, params: MigrateParams) =>
  request('/api/jobs', { method: 'POST', body: { kind: 'migrate', title, params }, schema: jobSchema });

export const sendJobRows = (id: number, rows: readonly (ImportRowInput | BulkRowInput)[]) =>
  request(`/api/jobs/${id}/rows`, { method: 'POST', body: { rows }, schema: jobSchema });

export const startJob = (id: number) => request(`/api/jobs/${id}/start`, { method: 'POST', schema: jobSchema });
