/**
 * Lark Admin's server from its configuration: the sandbox (or CampaignLark), the one rate budget,
 * the job runner and the request handler, put together in one place for `npm start` and
 * `npm run dev`. A file that cannot be used stops it with one sentence (a StartRefusal).
 */
import type { Hono } from 'hono';
import { openAccessFile } from './access/access-file.ts';
import type { Access } from './access/gate.ts';
import { createOidcClient } from './access/oidc.ts';
import { createSessions } from './access/sessions.ts';
import { createApp } from './app.ts';
import { auditApi } from './audit/api.ts';
import { jobWrites } from './audit/job-writes.ts';
import { createAuditStore } from './audit/store.ts';
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
  const accessFile = opening(`the access file in DATA_DIR ${config.dataDir}`, () => openAccessFile(config.dataDir));
  const apiKey = config.apiKey;
  const audit = createAuditStore(accessFile, {
    // A value can hold anything a person typed; the key never goes into the file, whatever it is.
    redact: apiKey === null ? undefined : (text) => text.replaceAll(apiKey, '[redacted]'),
  });
  const sessions = createSessions(accessFile);
  const access: Access = config.oidc
    ? { signIn: 'oidc', settings: config.oidc, oidc: createOidcClient(config.oidc), sessions }
    : config.adminPassword
      ? { signIn: 'password', password: config.adminPassword }
      : { signIn: 'open' };
  const purge = () => {
    const deleted = audit.purge(config.auditRetentionDays);
    if (deleted > 0) log(`audit: deleted ${deleted} entries past AUDIT_RETENTION_DAYS`);
    sessions.purge();
  };
  purge();
  const timer = setInterval(purge, 3_600_000);
  timer.unref();

  const workspace = createWorkspace(backend, createRateBudget(), log, audit);
  const jobs = opening(`the jobs file in DATA_DIR ${config.dataDir}`, () =>
    openJobs({
      dataDir: config.dataDir,
      retentionDays: config.jobRetentionDays,
      send: workspace.send,
      log,
      writes: jobWrites(audit),
    }),
  );
  const app = createApp({
    backend,
    workspace,
    jobsApi: jobs.api,
    viewsApi: viewsApi(config.dataDir),
    auditApi: auditApi(audit),
    access,
    log,
    hostNames: hostNamesFor(config),
    trustProxy: config.trustProxy,
    https: config.tls !== null,
    distDir,
  });
  return {
    app,
    sandboxDb: store ? config.sandboxDb : null,
    async close() {
      clearInterval(timer);
      await jobs.close();
      accessFile.close();
      store?.close();
    },
  };
}
