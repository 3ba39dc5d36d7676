/** Fields: reading the list, and the create, update and delete mutations. */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import * as z from 'zod/mini';
import type { FieldType } from '../contract/field-types.ts';
import { request } from './client.ts';
import { fieldSchema, sentenceSchema, type Field } from './schemas.ts';

export const fieldQueries = {
  all: () =>
    queryOptions({
      queryKey: ['fields'] as const,
      queryFn: ({ signal }) => request('/v1/fields', { schema: z.array(fieldSchema), signal }),
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

/** Mutations resolve only once the list is fresh again, so a busy button stays busy until then. */
function useInvalidateFields() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: fieldQueries.all().queryKey });
}

export function useCreateField() {
  const invalidate = useInvalidateFields();
  return useMutation({
    mutationFn: (input: FieldInput) => request('/v1/fields', { method: 'POST', body: input, schema: fieldSchema }),
    onSuccess: invalidate,
  });
}

export function useUpdateField() {
  const invalidate = useInvalidateFields();
  return useMutation({
    mutationFn: ({ id, input }: { id: number; input: FieldInput }) =>
      request(`/v1/fields/${id}`, { method: 'PATCH', body: input, schema: fieldSchema }),
    onSuccess: invalidate,
  });
}

export function useDeleteField() {
  const invalidate = useInvalidateFields();
  return useMutation({
    mutationFn: (id: number) => request(`/v1/fields/${id}`, { method: 'DELETE', schema: sentenceSchema }),
    onSuccess: invalidate,
  });
}
