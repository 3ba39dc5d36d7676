/**
 * What is wrong with the connection to CampaignLark right now, for the banner every page shows:
 * the key refused (401), this server's address refused (403), or a wait asked for (429). Set by
 * the query client's failures and waits, cleared by its next success.
 */
import { useSyncExternalStore } from 'react';
import { ApiError } from './client.ts';

export type ConnectionProblem =
  | { kind: 'auth' | 'forbidden'; message: string }
  | { kind: 'waiting'; seconds: number }
  | null;

let current: ConnectionProblem = null;
const listeners = new Set<() => void>();

function set(problem: ConnectionProblem) {
  if (problem === current) return;
  current = problem;
  for (const listener of listeners) listener();
}

export function reportFailure(error: unknown) {
  // Only CampaignLark's own refusals concern the whole workspace; Lark Admin's server words its own.
  if (error instanceof ApiError && (error.kind === 'auth' || error.kind === 'forbidden')) {
    set({ kind: error.kind, message: error.message });
  } else if (current?.kind === 'waiting') {
    set(null);
  }
}

export function reportWaiting(seconds: number) {
  set({ kind: 'waiting', seconds });
}

export function reportSuccess() {
  set(null);
}

export function useConnectionProblem(): ConnectionProblem {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}
