/**
 * What the API answers, checked at the door. Reading is tolerant where the contract says so:
 * older type names (BOOL, MULTI) are read as today's, an unknown type is kept as text to show
 * read-only, and a missing `definition` or `default_value` reads as "".
 */
import * as z from 'zod/mini';
import { ROLES, type Me } from '../contract/access.ts';
import { readFieldType } from '../contract/field-types.ts';

const text = z.pipe(
  z.nullish(z.string()),
  z.transform((value) => value ?? ''),
);

export const fieldSchema = z.pipe(
  z.object({
    id: z.int(),
    label: z.string(),
    merge_tag: z.string(),
    type: z.string(),
    definition: text,
    default_value: text,
    order: z.number(),
    immutable: z._default(z.boolean(), false),
    required: z._default(z.boolean(), false),
  }),
  z.transform(({ type, ...field }) => ({ ...field, type: readFieldType(type), raw_type: type })),
);

/** A workspace field; `type` is null for a type this version does not know (see `raw_type`). */
export type Field = z.output<typeof fieldSchema>;

export const tagSchema = z.object({ id: z.int(), name: z.string(), description: text });
export type Tag = z.output<typeof tagSchema>;

export const paginationSchema = z.object({
  current_page: z.number(),
  per_page: z.number(),
  total_pages: z.number(),
  total_count: z.number(),
});
export type Pagination = z.output<typeof paginationSchema>;

export const contactSchema = z.object({
  id: z.string(),
  status: z.string(),
  tags: z.array(z.object({ id: z.int(), name: z.string() })),
  data: z.record(z.string(), z.unknown()),
  statistics: z._default(
    z.partial(
      z.object({
        total_opens: z.number(),
        total_clicks: z.number(),
        total_bounces: z.number(),
        total_delivered: z.number(),
      }),
    ),
    {},
  ),
  last_opened_at: z.nullish(z.string()),
  last_clicked_at: z.nullish(z.string()),
  created_at: z.string(),
  updated_at: z.string(),
});
export type Contact = z.output<typeof contactSchema>;

/** DELETE answers a sentence. */
export const sentenceSchema = z.string();

export const statusSchema = z.object({ mode: z.enum(['sandbox', 'live']) });

export const meSchema: z.ZodMiniType<Me> = z.object({
  id: z.string(),
  name: z.string(),
  email: z.nullable(z.string()),
  role: z.enum(ROLES),
  signIn: z.enum(['oidc', 'password', 'open']),
});
export type WorkspaceMode = z.output<typeof statusSchema>['mode'];
