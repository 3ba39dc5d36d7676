/** What /api/jobs accepts, checked before anything is stored. */
import * as z from 'zod/mini';
import { EMAIL_MERGE_TAG, MERGE_TAG_PATTERN } from '../../src/contract/field-types.ts';
import { JOB_LIMITS, type JobKind } from '../../src/contract/jobs.ts';
import { CONTACT_STATUSES } from '../../src/contract/statuses.ts';

const status = z.enum(CONTACT_STATUSES);
const title = z.string().check(z.trim(), z.minLength(1), z.maxLength(200));
const newImport = z.object({
  kind: z.literal('import'),
  title,
  params: z.object({
    mode: z.enum(['add-and-update', 'add-only', 'update-only']),
    newStatus: status,
    tagIds: z.array(z.int().check(z.positive())).check(z.maxLength(50)),
    statusForExisting: z.optional(z.boolean()),
  }),
});
const email = z.string().check(z.trim(), z.minLength(3), z.maxLength(254));
const wireValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);
const importRows = z.object({
  rows: z
    .array(
      z.object({
        email,
        fields: z.record(z.string().check(z.maxLength(64)), wireValue),
        status: z.optional(status),
        source: z.optional(z.record(z.string().check(z.maxLength(500)), z.string().check(z.maxLength(10_000)))),
      }),
    )
    .check(z.minLength(1), z.maxLength(JOB_LIMITS.rowsPerCall)),
});
export const tagCreated = z.object({ tag: z.object({ id: z.int().check(z.positive()), name: z.string() }) });
const someTags = z.array(z.int().check(z.positive())).check(z.minLength(1), z.maxLength(50));
// A bulk change never sets or clears the address a contact is known by.
const mergeTag = z.string().check(
  z.regex(MERGE_TAG_PATTERN),
  z.refine((tag) => tag !== EMAIL_MERGE_TAG),
);

const newBulk = z.object({
  kind: z.literal('bulk'),
  title,
  params: z.union([
    z.object({ action: z.literal('add-tags'), tagIds: someTags }),
    z.object({ action: z.literal('remove-tags'), tagIds: someTags }),
    z.object({ action: z.literal('set-status'), status }),
    z.object({ action: z.literal('set-field'), mergeTag, value: wireValue }),
    z.object({ action: z.literal('clear-field'), mergeTag }),
  ]),
});

const newMigrate = z.object({
  kind: z.literal('migrate'),
  title,
  params: z.object({
    fieldId: z.int().check(z.positive()),
    mergeTag,
    multiple: z.boolean(),
    moves: z.array(z.object({ from: z.string(), to: z.nullable(z.string()) })).check(z.minLength(1), z.maxLength(200)),
    initialDefinition: z.string().check(z.maxLength(10_000)),
    finalDefinition: z.string().check(z.maxLength(10_000)),
  }),
});

export const newJob = z.union([newImport, newBulk, newMigrate]);

const bulkRows = z.object({
  rows: z.array(z.object({ email })).check(z.minLength(1), z.maxLength(JOB_LIMITS.rowsPerCall)),
});

/**
 * The rows a job of this kind takes from the SPA. Undo and tagging jobs make their own, and start
 * as they are made, so they are never drafts that could be sent rows.
 */
export const rowsFor = (kind: JobKind): z.ZodMiniType<{ rows: object[] }> =>
  kind === 'import' ? importRows : bulkRows;
