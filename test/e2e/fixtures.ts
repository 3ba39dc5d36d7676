/**
 * Each test gets the real server (`node server/main.ts`) on a free port with its own temporary
 * sandbox database, and a page that fails the test on any console error or CSP violation.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { startServer, type RunningServer } from '../support/server-process.ts';

export const test = base.extend<{ server: RunningServer; pageErrors: string[] }>({
  server: async ({}, use) => {
    const database = join(mkdtempSync(join(tmpdir(), 'lark-e2e-')), 'workspace.sqlite');
    const server = await startServer({ SANDBOX_DB: database });
    await use(server);
    await server.stop();
  },
  baseURL: async ({ server }, use) => {
    await use(server.url);
  },
  pageErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await use(errors);
    expect(errors, 'console errors and CSP violations').toEqual([]);
  },
});

export { expect };
