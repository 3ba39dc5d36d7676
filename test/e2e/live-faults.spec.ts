import { expectNoAxeViolations } from './axe.ts';
import { expect, test } from './live-fixtures.ts';

const error = (message: string) => JSON.stringify({ error: { message } });

test('says the workspace is live, and works through the proxy', async ({ page, campaignlark }) => {
  await page.goto('/fields');
  await expect(page.getByText('Live CampaignLark workspace:')).toBeVisible();
  await expect(page.getByRole('rowheader', { name: 'First Name' })).toBeVisible();
  expect(campaignlark.received.some((request) => request.path === '/fields')).toBe(true);
});

test('a revoked key: a banner says what is wrong and what to do, and the form keeps its values', async ({
  page,
  campaignlark,
}) => {
  await page.goto('/contacts/new');
  await page.getByRole('textbox', { name: 'Email Address' }).fill('kept@example.com');
  campaignlark.inject(() => ({ status: 401, body: error('The API key you provided is invalid or has been revoked.') }));
  await page.getByRole('button', { name: 'Save contact' }).click();
  await expect(page.getByRole('alert').filter({ hasText: "does not accept Lark Admin's API key" })).toContainText(
    'CAMPAIGNLARK_API_KEY',
  );
  await expect(page.getByRole('textbox', { name: 'Email Address' })).toHaveValue('kept@example.com');
});

test('an IP not allowed: the banner says so', async ({ page, campaignlark }) => {
  campaignlark.inject(() => ({ status: 403, body: error('Your IP address is not authorized to use this API key.') }));
  await page.goto('/fields');
  await expect(page.getByRole('alert').filter({ hasText: 'refuses requests from this server' })).toContainText(
    'Your IP address is not authorized',
  );
});

test('429 on a read: the page says it is waiting, then shows the data by itself', async ({ page, campaignlark }) => {
  let refused = 0;
  campaignlark.inject((request) =>
    request.path === '/fields' && refused++ === 0
      ? { status: 429, headers: { 'retry-after': '1' }, body: '' }
      : undefined,
  );
  await page.goto('/fields');
  await expect(page.getByText(/asked Lark Admin to slow down/)).toBeVisible();
  await expect(page.getByRole('rowheader', { name: 'First Name' })).toBeVisible({ timeout: 5_000 });
  await expect(page.getByText(/asked Lark Admin to slow down/)).toBeHidden();
});

test('a 500 and a dropped connection on save keep the values and offer to try again', async ({
  page,
  campaignlark,
}) => {
  await page.goto('/contacts/new');
  await page.getByRole('textbox', { name: 'Email Address' }).fill('again@example.com');
  await page.getByRole('textbox', { name: 'First Name' }).fill('Kept');
  campaignlark.inject((request) =>
    request.method === 'POST' && request.path === '/contacts'
      ? { status: 500, body: error('Internal error') }
      : undefined,
  );
  await page.getByRole('button', { name: 'Save contact' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'cannot tell whether the contact was saved' });
  await expect(alert).toContainText('Internal error');
  await expect(page.getByRole('textbox', { name: 'First Name' })).toHaveValue('Kept');

  campaignlark.clear();
  await campaignlark.close();
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'could not reach CampaignLark' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Email Address' })).toHaveValue('again@example.com');
});

test('an answer that breaks the contract gets a plain message, and the other pages still work', async ({
  page,
  campaignlark,
  pageErrors,
}) => {
  campaignlark.inject((request) =>
    request.path === '/fields'
      ? { status: 200, headers: { 'content-type': 'text/html' }, body: '<html><h1>Gateway</h1></html>' }
      : undefined,
  );
  await page.goto('/fields');
  // The gateway passes only JSON on: an HTML page becomes its own plain 502.
  await expect(page.getByRole('alert')).toContainText(
    'CampaignLark answered with something other than JSON (HTTP 200, text/html), so it was not passed on.',
  );
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tags' }).click();
  await expect(page.getByRole('rowheader', { name: 'newsletter' })).toBeVisible();
  expect(pageErrors).toEqual([]);
});

test('a slow API: the button is busy, and a second press sends nothing more', async ({ page, campaignlark }) => {
  await page.goto('/fields/new');
  await page.getByRole('textbox', { name: 'Label' }).fill('Slowly');
  await page.getByRole('radio', { name: 'Text' }).check();
  let posts = 0;
  campaignlark.inject((request) => {
    if (request.method !== 'POST' || request.path !== '/fields') return undefined;
    posts++;
    return {
      status: 201,
      delayMs: 2500,
      body: JSON.stringify({
        data: {
          id: 99,
          label: 'Slowly',
          merge_tag: 'slowly',
          type: 'TEXT',
          definition: '',
          default_value: '',
          order: 3,
          immutable: false,
          required: false,
        },
      }),
    };
  });
  await page.getByRole('button', { name: 'Create field' }).click();
  const busy = page.getByRole('button', { name: 'Saving…' });
  await expect(busy).toBeDisabled();
  await page.getByRole('textbox', { name: 'Label' }).press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Fields' })).toBeVisible({ timeout: 6_000 });
  expect(posts).toBe(1);
});

test('the connection banner passes an axe scan', async ({ page, campaignlark }) => {
  campaignlark.inject(() => ({ status: 401, body: error('The API key you provided is invalid or has been revoked.') }));
  await page.goto('/fields');
  await expect(page.getByRole('alert').filter({ hasText: 'does not accept' })).toBeVisible();
  await expectNoAxeViolations(page, 'the 401 banner');
});
