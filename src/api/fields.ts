/** Fields: reading the list, and the create, update and delete mutations. */
import { queryOptions, useMutation } from '@tanstack/react-query';
import * as z from 'zod/mini';
import type { FieldType } from '../contract/field-types.ts';
import { request } from './client.ts';
import { READ_URLS } from './read-urls.ts';
import { contactQueries } from './contacts.ts';
import { fieldSchema, sentenceSchema, type Field } from './schemas.ts';

/** The field list as it is now, outside the cache: what a change is made on top of. */
export const readFields = (signal?: AbortSignal) => request(READ_URLS.fields, { schema: z.array(fieldSchema), signal });

export const createField = (input: FieldInput) =>
  request('/v1/fields', { method: 'POST', body: input, schema: fieldSchema });

export const updateField = (id: number, input: FieldInput) =>
  request(`/v1/fields/${id}`, { method: 'PATCH', body: input, schema: fieldSchema });

export const fieldQueries = {
  all: () =>
    queryOptions({
      queryKey: ['fields'] as const,
      queryFn: ({ signal }) => readFields(signal),
      select: (fields: Field[]) => fields.toSorted((a, b) => a.order - b.order || a.id - b.id),
    }),
};

/** The body of Create and Update Field. */
export interface FieldInput {
  label: string;
  merge_tag: string;
  type: FieldType;
  definition?: string;
  default_value: string;
  required: boolean;
}

/**
 * A field change can change every contact: a renamed merge tag moves values to a new key, a
 * deleted field takes them away. So contacts are read again too, and no form starts from a
 * record read before the change.
 */
const meta = { invalidates: [fieldQueries.all().queryKey, contactQueries.all()] };

export function useCreateField() {
  return useMutation({
    mutationFn: createField,
    meta,
  });
}

export function useUpdateField() {
  return useMutation({
    mutationFn: ({ id, input }: { id: number; input: FieldInput }) => updateField(id, input),
    meta,
  });
}

export function useDeleteField() {
  return useMutation({
    mutationFn: (id: number) => request(`/v1/fields/${id}`, { method: 'DELETE', schema: sentenceSchema }),
    meta,
  });
}
