/**
 * Issue 15's budgets: selecting every contact of a 10,000-contact search and starting "Add tags"
 * (click → the job's page), the bulk job's pace against the jobs' 80 requests a second, and an
 * export of the search against the time its search requests take alone, measured in the same page.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { createContact } from '../../server/sandbox/contacts.ts';
import { openStore } from '../../server/sandbox/store.ts';
import { startServer } from '../support/server-process.ts';

export interface BulkFigures {
  contacts: number;
  selectAllToJobMs: number;
  jobRequestsPerSecond: number;
  jobShareOfBudget: number;
  exportMs: number;
  searchesAloneMs: number;
}

/** Written straight into the sandbox's file: ten thousand contacts through the API would take minutes. */
function seeded(count: number): string {
  const path = join(mkdtempSync(join(tmpdir(), 'lark-bench-bulk-')), 'bench.sqlite');
  const store = openStore(path);
  for (let n = 0; n < count; n++)
    createContact(store, { fields: { email_address: `bulk${n}@example.com`, first_name: `B${n}` }, status: 'SUBSCRIBED' });
  store.close();
  return path;
}

export async function measureBulk(browser: Browser, count: number): Promise<BulkFigures> {
  const server = await startServer({ SANDBOX_DB: seeded(count) });
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  try {
    await page.goto(`${server.url}/contacts`);
    await page.getByRole('checkbox', { name: 'Select all on this page' }).check();
    await page.getByRole('button', { name: `Select all ${count.toLocaleString('en')} contacts matching this search` }).click();
    await page.getByRole('button', { name: 'Add tags' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add tags?' });
    await dialog.getByRole('combobox', { name: 'Tags' }).fill('custom');
    await dialog.getByRole('option', { name: 'customer' }).click();
    await dialog.getByRole('heading', { name: 'Add tags?' }).click();
    const typed = dialog.getByRole('textbox', { name: /^Type .* to confirm$/ });
    if (await typed.count()) await typed.fill(String(count));
    const started = Date.now();
    await dialog.getByRole('button', { name: 'Add tags' }).click();
    await page.getByRole('progressbar', { name: 'Job progress' }).waitFor({ timeout: 60_000 });
    const selectAllToJobMs = Date.now() - started;

    // The pace over twenty seconds of the running job: a contact costs a read and a tag add.
    const id = Number(new URL(page.url()).pathname.split('/').pop());
    const doneAt = async () => (await (await fetch(`${server.url}/api/jobs/${id}`)).json()).data.counts.done as number;
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const [from, fromAt] = [await doneAt(), Date.now()];
    await new Promise((resolve) => setTimeout(resolve, 20_000));
    const jobRequestsPerSecond = (((await doneAt()) - from) * 2) / ((Date.now() - fromAt) / 1000);
    await fetch(`${server.url}/api/jobs/${id}/cancel`, { method: 'POST', headers: { origin: server.url } });

    await page.goto(`${server.url}/contacts`);
    await page.getByRole('table').waitFor();
    // The searches an export makes, alone, from the page: the floor an export cannot beat. Taken
    // in turn with the export, three times each, and the medians compared.
    const searchesAlone = () =>
      page.evaluate(async (total) => {
        const start = performance.now();
        for (let p = 1; p <= Math.ceil(total / 250); p++)
          await (
            await fetch('/v1/contacts/search', {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ page: p, limit: 250, sort_by: 'created_at', sort_order: 'desc' }),
            })
          ).json();
        return performance.now() - start;
      }, count);
    // Timed in the page by the export's own measure: from the click to the file handed over, not the
    // test driver's handling of the download.
    const exportOnce = async () => {
      await page.getByRole('button', { name: 'Export CSV' }).click();
      const download = page.waitForEvent('download', { timeout: 120_000 });
      await page.getByRole('dialog', { name: 'Export CSV' }).getByRole('button', { name: 'Export' }).click();
      await download;
      return page.evaluate(() => performance.getEntriesByName('Export CSV').at(-1)!.duration);
    };
    const alone: number[] = [];
    const exports: number[] = [];
    for (let run = 0; run < 3; run++) {
      alone.push(await searchesAlone());
      exports.push(await exportOnce());
    }
    const middle = (values: number[]) => values.toSorted((a, b) => a - b)[1]!;
    const [searchesAloneMs, exportMs] = [middle(alone), middle(exports)];
    return { contacts: count, selectAllToJobMs, jobRequestsPerSecond, jobShareOfBudget: jobRequestsPerSecond / 80, exportMs, searchesAloneMs };
  } finally {
    await context.close();
    await server.stop();
  }
}
