/**
 * What stops Lark Admin from working right now, for the banner every page shows. A refused key
 * (401) or address (403) is remembered from the last failure until any request succeeds; a wait
 * for a 429 is read from the caches themselves: a request still in flight whose last failure was
 * a 429 is waiting to try again.
 */
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { ApiError } from './client.ts';

export type Refusal = { kind: 'auth' | 'forbidden' | 'session'; message: string } | null;

let refusal: Refusal = null;
const listeners = new Set<() => void>();

function setRefusal(next: Refusal) {
  if (next === refusal) return;
  refusal = next;
  for (const listener of listeners) listener();
}

export function reportFailure(error: unknown) {
  // CampaignLark's refusals of the key or the address concern the whole workspace; so does a session that ended.
  if (error instanceof ApiError && (error.kind === 'auth' || error.kind === 'forbidden' || error.kind === 'session')) {
    setRefusal({ kind: error.kind, message: error.message });
  }
}

export function reportSuccess() {
  setRefusal(null);
}

/** A request went through after the session had ended: the person has signed in again. */
export function reportSessionBack() {
  if (refusal?.kind === 'session') setRefusal(null);
}

export function useRefusal(): Refusal {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => refusal,
  );
}

const rateLimited = (reason: unknown): reason is ApiError => reason instanceof ApiError && reason.kind === 'rate-limit';

/** Seconds the first request waiting on a 429 was asked to wait, or null when none waits. */
function waitingSeconds(client: QueryClient): number | null {
  for (const query of client.getQueryCache().getAll()) {
    const { fetchStatus, fetchFailureReason } = query.state;
    if (fetchStatus !== 'idle' && rateLimited(fetchFailureReason)) return fetchFailureReason.retryAfter ?? 1;
  }
  for (const mutation of client.getMutationCache().getAll()) {
    const { status, failureReason } = mutation.state;
    if (status === 'pending' && rateLimited(failureReason)) return failureReason.retryAfter ?? 1;
  }
  return null;
}

export function useRateLimitWait(): number | null {
  const client = useQueryClient();
  return useSyncExternalStore(
    (listener) => {
      const fromQueries = client.getQueryCache().subscribe(listener);
      const fromMutations = client.getMutationCache().subscribe(listener);
      return () => {
        fromQueries();
        fromMutations();
      };
    },
    () => waitingSeconds(client),
  );
}
