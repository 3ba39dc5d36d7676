/** The real server in live mode, its API key pointing at a fake CampaignLark the test controls. */
import { test as base, expect } from '@playwright/test';
import { FAKE_KEY, startFakeCampaignLark } from '../support/fake-campaignlark.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';

type Fake = Awaited<ReturnType<typeof startFakeCampaignLark>>;

export const test = base.extend<{ campaignlark: Fake; server: RunningServer; pageErrors: string[] }>({
  campaignlark: async ({}, use) => {
    const fake = await startFakeCampaignLark();
    await use(fake);
    await fake.close();
  },
  server: async ({ campaignlark }, use) => {
    const server = await startServer({ CAMPAIGNLARK_API_KEY: FAKE_KEY, CAMPAIGNLARK_API_URL: campaignlark.apiUrl });
    await use(server);
    await server.stop();
    // The key is the server's secret: it never shows in what the server printed.
    expect(server.output()).not.toContain(FAKE_KEY);
  },
  baseURL: async ({ server }, use) => {
    await use(server.url);
  },
  pageErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await use(errors);
  },
  page: async ({ page }, use) => {
    // Nothing the browser receives ever carries the key.
    const leaks: string[] = [];
    const checks: Promise<void>[] = [];
    page.on('response', (response) => {
      checks.push(
        (async () => {
          const headers = JSON.stringify(await response.allHeaders().catch(() => ({})));
          const body = await response.text().catch(() => '');
          if (headers.includes(FAKE_KEY) || body.includes(FAKE_KEY)) leaks.push(response.url());
        })(),
      );
    });
    await use(page);
    // Responses still arriving as the test ends (code fetched in idle time) are read before the page closes.
    // Reading one may let another arrive: read until none is left.
    for (let read = 0; read < checks.length;) {
      const pending = checks.slice(read);
      read = checks.length;
      await Promise.all(pending);
    }
    expect(leaks, 'responses that carried the API key').toEqual([]);
  },
});

export { expect };
