/**
 * /api/history/:kind/:id (a contact's, field's or tag's own trail, for everyone who can read it)
 * and /api/activity (everyone's, for admins, by person, kind and days). Pages go newest first.
 */
import { Hono } from 'hono';
import * as z from 'zod/mini';
import type { ActivityPage, AuditKind } from '../../src/contract/audit.ts';
import { refusal } from '../security.ts';
import type { AuditStore } from './store.ts';

const KINDS: readonly AuditKind[] = ['contact', 'field', 'tag'];
const day = z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)));
const activityQuery = z.object({
  actor: z.optional(z.string().check(z.maxLength(300))),
  kind: z.optional(z.enum(['contact', 'field', 'tag'])),
  from: day,
  to: day,
  before: z.optional(z.string().check(z.regex(/^\d{1,15}$/))),
});

export function auditApi(audit: AuditStore): Hono {
  const api = new Hono();

  api.get('/history/:kind/:id', (c) => {
    const kind = KINDS.find((name) => name === c.req.param('kind'));
    const before = c.req.query('before');
    if (!kind || (before !== undefined && !/^\d{1,15}$/.test(before)))
      return refusal(c, 400, 'Ask for the history of a contact, field or tag by its id.');
    return c.json({ data: audit.history(kind, c.req.param('id'), before === undefined ? undefined : Number(before)) });
  });

  api.get('/activity', (c) => {
    const query = activityQuery.safeParse(c.req.query());
    if (!query.success)
      return refusal(c, 400, 'Filter the activity by person, kind (contact, field or tag) and days as YYYY-MM-DD.');
    const { before, ...filter } = query.data;
    const page: ActivityPage =
      before === undefined
        ? { ...audit.activity(filter), actors: audit.actors() }
        : audit.activity(filter, Number(before));
    return c.json({ data: page });
  });

  return api;
}
