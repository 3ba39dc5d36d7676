import { firstPageWeight } from '../support/first-page-weight.ts';
import { expect, test } from './fixtures.ts';

/** Issues #7 and #13's size budget for the first page a visitor sees, in kB (1,000 bytes) of gzip. */
const JS_BUDGET = 110_000;
const CSS_BUDGET = 15_000;

test('the first page needs at most 110 kB of gzipped JavaScript and 15 kB of CSS', async ({ page }) => {
  const weight = await firstPageWeight(page, '/', 'h1');
  await expect(page.getByRole('heading', { level: 1, name: 'Contacts' })).toBeVisible();
  const listing = weight.files.map((file) => `${file.path} ${file.gzipBytes} B`).join('\n');
  expect(weight.jsGzipBytes, `JavaScript fetched for the first page:\n${listing}`).toBeLessThanOrEqual(JS_BUDGET);
  expect(weight.cssGzipBytes, `CSS fetched for the first page:\n${listing}`).toBeLessThanOrEqual(CSS_BUDGET);
  // A budget met by loading nothing would prove nothing: the page must have been built and shown.
  expect(weight.jsGzipBytes).toBeGreaterThan(50_000);
  expect(weight.cssGzipBytes).toBeGreaterThan(1_000);
});

test('a cold load fetches the page’s code and first reads alongside the entry, each once', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname + new URL(request.url()).search));
  await page.goto('/fields');
  await expect(page.getByRole('rowheader', { name: 'First Name' })).toBeVisible();
  // Named in the HTML, then used by the app: one request each, not a preload and a second fetch.
  expect(await page.locator('link[rel="modulepreload"][href*="fields-page"]').count()).toBe(1);
  expect(requests.filter((path) => path === '/v1/fields')).toHaveLength(1);
  expect(requests.filter((path) => path === '/api/status')).toHaveLength(1);
  expect(requests.filter((path) => path.includes('fields-page'))).toHaveLength(1);
});
