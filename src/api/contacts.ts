/** Contacts: creating one (the list, search and editing come with the contacts list). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ContactStatus } from '../contract/statuses.ts';
import type { WireValue } from '../contract/values.ts';
import { request } from './client.ts';
import { contactSchema } from './schemas.ts';

export const contactQueries = {
  all: () => ['contacts'] as const,
};

/** The body of Create Contact: values keyed by merge tag, tag ids, a status. */
export interface ContactInput {
  fields: Record<string, WireValue>;
  tags: number[];
  status: ContactStatus;
}

export function useCreateContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ContactInput) => request('/v1/contacts', { method: 'POST', body: input, schema: contactSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: contactQueries.all() }),
  });
}
