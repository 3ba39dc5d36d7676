import { queryOptions } from '@tanstack/react-query';
import { request } from './client.ts';
import { READ_URLS } from './read-urls.ts';
import { statusSchema } from './schemas.ts';

/** Whether /v1 is the sandbox or a live workspace; it cannot change while the server runs. */
export const statusQuery = () =>
  queryOptions({
    queryKey: ['status'] as const,
    queryFn: ({ signal }) => request(READ_URLS.status, { schema: statusSchema, envelope: false, signal }),
    staleTime: Infinity,
    // Answered by Lark Admin's own server, so it says nothing about whether CampaignLark accepts us.
    meta: { fromCampaignLark: false },
  });
