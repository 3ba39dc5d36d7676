import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './client.ts';
import { reportFailure, reportSuccess } from './connection.ts';

/** Only failures that a second try can mend are retried: the network and the server. */
function isTransient(error: unknown): boolean {
  return error instanceof ApiError && (error.kind === 'network' || error.kind === 'server');
}

const isRateLimited = (error: unknown): error is ApiError => error instanceof ApiError && error.kind === 'rate-limit';

/** A 429 says how long to wait (Retry-After) or we back off: 1, 2, 4 ... seconds. */
function delay(failures: number, error: unknown): number {
  if (isRateLimited(error)) return (error.retryAfter ?? 2 ** failures) * 1000;
  return Math.min(1000 * 2 ** failures, 10_000);
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: reportFailure,
      onSuccess: (_data, query) => {
        if (query.meta?.fromCampaignLark !== false) reportSuccess();
      },
    }),
    mutationCache: new MutationCache({ onError: reportFailure, onSuccess: reportSuccess }),
    defaultOptions: {
      queries: {
        retry: (failures, error) => (isTransient(error) && failures < 2) || (isRateLimited(error) && failures < 5),
        retryDelay: delay,
        staleTime: 30_000,
      },
      // A write that may have been applied is never sent again by itself. A 429 certainly was not
      // applied, so that one is sent again once the wait is over.
      mutations: { retry: (failures, error) => isRateLimited(error) && failures < 3, retryDelay: delay },
    },
  });
}
