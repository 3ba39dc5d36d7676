import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './client.ts';

/** Only failures that a second try can mend are retried: the network and the server. */
function isTransient(error: unknown): boolean {
  return error instanceof ApiError && (error.kind === 'network' || error.kind === 'server');
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failures, error) => isTransient(error) && failures < 2,
        staleTime: 30_000,
      },
      // A write that may have been applied is never sent again by itself.
      mutations: { retry: false },
    },
  });
}
