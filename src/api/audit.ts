/**
 * Lark Admin's own audit trail: one contact's (field's, tag's) history, for everyone, and the
 * team's activity, for admins. Both come a page at a time, newest first.
 */
import { infiniteQueryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import type { ActivityFilter, ActivityPage, AuditEntry, AuditKind, AuditPage } from '../contract/audit.ts';
import { request } from './client.ts';

const personSchema = z.object({ id: z.string(), name: z.string() });

// Typed with the contract's shapes, so the server's answer and this check cannot drift apart.
const entrySchema: z.ZodMiniType<AuditEntry> = z.object({
  id: z.number(),
  at: z.number(),
  actor: personSchema,
  kind: z.enum(['contact', 'field', 'tag']),
  action: z.enum(['created', 'changed', 'deleted']),
  targetId: z.string(),
  targetName: z.string(),
  changes: z.array(
    z.object({ key: z.string(), before: z.unknown(), after: z.unknown(), known: z.optional(z.literal(false)) }),
  ),
  job: z.nullable(z.object({ id: z.number(), row: z.nullable(z.number()) })),
});

const pageSchema: z.ZodMiniType<AuditPage> = z.object({ entries: z.array(entrySchema), next: z.nullable(z.number()) });

const activitySchema: z.ZodMiniType<ActivityPage> = z.object({
  entries: z.array(entrySchema),
  next: z.nullable(z.number()),
  actors: z.optional(z.array(personSchema)),
});

const meta = { fromCampaignLark: false };
/** Colleagues and jobs add to the trail on their own: a page shows it as it is now. */
const staleTime = 0;

/**
 * A history's key sits under its kind's own list key, so every mutation that makes contacts (or
 * fields, or tags) stale makes their histories stale too, and a save shows in its history at once.
 */
const LIST_KEY: Record<AuditKind, string> = { contact: 'contacts', field: 'fields', tag: 'tags' };

/** A filter as query parameters: those of /api/activity, and of the Activity page's address. */
export function filterParams(filter: ActivityFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) params.set(key, value);
  return params;
}

function activityUrl(filter: ActivityFilter, before: number | null): string {
  const query = filterParams(filter);
  if (before !== null) query.set('before', String(before));
  const text = query.toString();
  return text ? `/api/activity?${text}` : '/api/activity';
}

export const auditQueries = {
  history: (kind: AuditKind, id: string) =>
    infiniteQueryOptions({
      queryKey: [LIST_KEY[kind], 'history', id] as const,
      queryFn: ({ pageParam, signal }) =>
        request(`/api/history/${kind}/${encodeURIComponent(id)}${pageParam === null ? '' : `?before=${pageParam}`}`, {
          schema: pageSchema,
          signal,
        }),
      initialPageParam: null as number | null,
      getNextPageParam: (last) => last.next,
      staleTime,
      meta,
    }),
  activity: (filter: ActivityFilter) =>
    infiniteQueryOptions({
      queryKey: ['activity', filter] as const,
      queryFn: ({ pageParam, signal }) => request(activityUrl(filter, pageParam), { schema: activitySchema, signal }),
      initialPageParam: null as number | null,
      getNextPageParam: (last) => last.next,
      staleTime,
      meta,
    }),
};

/** Every entry of a filter, newest first, up to `cap`: for a download. `onPage` hears the running count. */
export async function readAllActivity(
  filter: ActivityFilter,
  cap: number,
  onPage: (read: number) => void,
  signal?: AbortSignal,
): Promise<{ entries: AuditEntry[]; capped: boolean }> {
  const entries: AuditEntry[] = [];
  let before: number | null = null;
  for (;;) {
    const page: ActivityPage = await request(activityUrl(filter, before), { schema: activitySchema, signal });
    signal?.throwIfAborted();
    entries.push(...page.entries);
    onPage(Math.min(entries.length, cap));
    if (entries.length >= cap)
      return { entries: entries.slice(0, cap), capped: entries.length > cap || page.next !== null };
    if (page.next === null) return { entries, capped: false };
    before = page.next;
  }
}
