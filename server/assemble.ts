/**
 * Lark Admin's server from its configuration: the sandbox (or CampaignLark), the one rate budget,
 * the job runner and the request handler, put together in one place for `npm start` and
 * `npm run dev`. A file that cannot be used stops it with one sentence (a StartRefusal).
 */
import type { Hono } from 'hono';
import { createApp } from './app.ts';
import { hostNamesFor, type Config } from './config.ts';
import { createRateBudget } from './jobs/rate-budget.ts';
import { openJobs } from './jobs/service.ts';
import { openStore, type Store } from './sandbox/store.ts';
import { StoreRefusal } from './sqlite-file.ts';
import { viewsApi } from './views.ts';
import { createWorkspace, type Backend } from './workspace.ts';

/** Why the server cannot start, worded for the one line it prints. */
export class StartRefusal extends Error {}

function opening<T>(what: string, open: () => T): T {
  try {
    return open();
  } catch (error) {
    throw new StartRefusal(
      error instanceof StoreRefusal ? error.message : `${what} could not be opened (${(error as Error).message}).`,
    );
  }
}

export interface Assembled {
  app: Hono;
  /** The sandbox's file path, or null in live mode: for the line printed at start. */
  sandboxDb: string | null;
  /** Lets the job rows in flight finish, then closes the files. */
  close(): Promise<void>;
}

export function assemble(config: Config, log: (line: string) => void, distDir?: string): Assembled {
  let store: Store | undefined;
  if (config.apiKey === null)
    store = opening(`the sandbox database ${config.sandboxDb}`, () => openStore(config.sandboxDb));
  const backend: Backend = store
    ? { mode: 'sandbox', store }
    : { mode: 'live', apiUrl: config.apiUrl, apiKey: config.apiKey! };
  const workspace = createWorkspace(backend, createRateBudget(), log);
  const jobs = opening(`the jobs file in DATA_DIR ${config.dataDir}`, () =>
    openJobs({ dataDir: config.dataDir, retentionDays: config.jobRetentionDays, send: workspace.send, log }),
  );
  const app = createApp({
    backend,
    workspace,
    jobsApi: jobs.api,
    viewsApi: viewsApi(config.dataDir),
    log,
    hostNames: hostNamesFor(config),
    adminPassword: config.adminPassword,
    trustProxy: config.trustProxy,
    https: config.tls !== null,
    distDir,
  });
  return {
    app,
    sandboxDb: store ? config.sandboxDb : null,
    async close() {
      await jobs.close();
      store?.close();
    },
  };
}
