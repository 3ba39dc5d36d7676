import { MutationCache, QueryCache, QueryClient, type QueryKey } from '@tanstack/react-query';
import { ApiError, onApiFailure, onApiSuccess } from './client.ts';
import { reportFailure, reportSessionBack, reportSuccess } from './connection.ts';

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

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: {
      /**
       * The queries a successful mutation makes stale, declared with the mutation itself (in
       * api/), never at a call site. The mutation settles only once they are fresh again, so a
       * busy button stays busy until every list shows the change.
       */
      invalidates?: readonly QueryKey[];
    };
  }
}

const ME: QueryKey = ['me'];

/**
 * Who this browser acts as is read once; a refusal of the role, or a new sign-in after a session
 * ended (perhaps as someone else), says it has changed, so it is read again. Every failure is
 * heard at the client (onApiFailure), so the one the app renders with is the one re-read.
 */
let current: QueryClient | null = null;
let sessionEnded = false;
onApiFailure((error) => {
  reportFailure(error);
  if (error.kind === 'session') sessionEnded = true;
  if (error.kind === 'role') void current?.invalidateQueries({ queryKey: ME });
});
onApiSuccess(() => {
  if (!sessionEnded) return;
  sessionEnded = false;
  reportSessionBack();
  void current?.invalidateQueries({ queryKey: ME });
});

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    // Failures, and a session come back, are heard at the client (whoever made the request).
    queryCache: new QueryCache({
      onSuccess: (_data, query) => {
        if (query.meta?.fromCampaignLark !== false) reportSuccess();
      },
    }),
    mutationCache: new MutationCache({
      onSuccess: async (_data, _variables, _context, mutation, { client }) => {
        reportSuccess();
        await Promise.all((mutation.meta?.invalidates ?? []).map((queryKey) => client.invalidateQueries({ queryKey })));
      },
    }),
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
  current = client;
  return client;
}
