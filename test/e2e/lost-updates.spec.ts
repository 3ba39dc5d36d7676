/** Edits never overwrite newer data: two admins, a draft over a newer record, a renamed merge tag, removed options. */
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const EMAIL = 'jane@example.com';

test.beforeEach(async ({ request }) => {
  for (const field of [
    { label: 'Company', merge_tag: 'company', type: 'TEXT' },
    { label: 'Phone', merge_tag: 'phone', type: 'TEXT' },
    { label: 'City', merge_tag: 'city', type: 'TEXT' },
    { label: 'Plan', merge_tag: 'plan', type: 'DROPDOWN_SINGLE', definition: 'Starter,Pro,Team' },
  ]) {
    expect((await request.post('/v1/fields', { data: field })).status()).toBe(201);
  }
  const answer = await request.post('/v1/contacts', {
    data: {
      fields: { email_address: EMAIL, company: 'Initech', phone: '555-0100', city: 'Paris', plan: 'Starter' },
      status: 'SUBSCRIBED',
    },
  });
  expect(answer.status()).toBe(201);
});

const stored = async (request: APIRequestContext) =>
  (await (await request.get(`/v1/contacts/by-email?email=${EMAIL}`)).json()).data.data;

async function openContact(page: Page) {
  await page.goto(`/contacts/edit?email=${EMAIL}`);
  await expect(page.getByRole('textbox', { name: 'Company' })).toHaveValue(/./);
}

const saved = (page: Page) =>
  expect(page.getByRole('status').filter({ hasText: `Changes to ${EMAIL} saved.` })).toBeVisible();

test('two admins in two browsers: different fields both survive; the same field shows the conflict and overwrites nothing', async ({
  browser,
  server,
  request,
}) => {
  const [first, second] = [
    await browser.newContext({ baseURL: server.url }),
    await browser.newContext({ baseURL: server.url }),
  ];
  const [a, b] = [await first.newPage(), await second.newPage()];
  await openContact(a);
  await openContact(b);

  await a.getByRole('textbox', { name: 'Company' }).fill('Acme');
  await b.getByRole('textbox', { name: 'Phone' }).fill('555-0199');
  await b.getByRole('button', { name: 'Save changes' }).click();
  await saved(b);
  await a.getByRole('button', { name: 'Save changes' }).click();
  await saved(a);
  expect(await stored(request)).toMatchObject({ company: 'Acme', phone: '555-0199', city: 'Paris' });

  // Both now change the City.
  await a.getByRole('textbox', { name: 'City' }).fill('Lyon');
  await b.getByRole('textbox', { name: 'City' }).fill('Nice');
  await b.getByRole('button', { name: 'Save changes' }).click();
  // B's notice from its first save is still up: wait for the write itself.
  await expect.poll(async () => (await stored(request)).city).toBe('Nice');
  await a.getByRole('button', { name: 'Save changes' }).click();
  await expect(a.getByText('Nothing was saved: this contact was changed elsewhere meanwhile.')).toBeVisible();
  await expect(a.getByRole('textbox', { name: 'City' })).toHaveAccessibleDescription(
    /Changed elsewhere since you opened this contact: now “Nice”\./,
  );
  expect((await stored(request)).city).toBe('Nice');

  await a.getByRole('group', { name: 'City: changed elsewhere' }).getByRole('button', { name: 'Keep mine' }).click();
  await a.getByRole('button', { name: 'Save changes' }).click();
  await expect.poll(async () => (await stored(request)).city).toBe('Lyon');
  expect(await stored(request)).toMatchObject({ company: 'Acme', phone: '555-0199', city: 'Lyon' });
  await first.close();
  await second.close();
});

test('a draft kept through a reload is laid over the record as it is now', async ({ page, request }) => {
  await openContact(page);
  await page.getByRole('textbox', { name: 'Phone' }).fill('555-0142');
  await page.getByRole('textbox', { name: 'Company' }).fill('Acme');
  // The draft is written after a short pause in typing; then someone else changes the contact.
  await expect
    .poll(() => page.evaluate(() => Object.keys(localStorage).some((key) => key.includes('contact-draft'))))
    .toBe(true);
  await request.post('/v1/contacts/upsert', {
    data: { email_address: EMAIL, partial_update: true, fields: { company: 'Globex', city: 'Berlin' } },
  });

  page.on('dialog', (dialog) => void dialog.accept());
  await page.reload();
  await expect(page.getByText('Restored changes in: Company, Phone.')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'City' })).toHaveValue('Berlin');
  await expect(page.getByRole('textbox', { name: 'Company' })).toHaveAccessibleDescription(/now “Globex”/);
  await page
    .getByRole('group', { name: 'Company: changed elsewhere' })
    .getByRole('button', { name: 'Use theirs' })
    .click();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await saved(page);
  expect(await stored(request)).toMatchObject({ company: 'Globex', city: 'Berlin', phone: '555-0142' });
});

test('a merge tag renamed while the contact is cached: the form shows and keeps the value', async ({
  page,
  request,
}) => {
  await openContact(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Fields' }).click();
  await page.getByRole('link', { name: 'Edit City' }).click();
  await page.getByRole('textbox', { name: 'Merge tag' }).fill('town');
  await page.getByRole('button', { name: 'Save field' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Fields' })).toBeVisible();
  // Back through the field form and the list to the contact, inside the app and its cache.
  for (let step = 0; step < 3; step++) await page.goBack();
  await expect(page).toHaveURL(/\/contacts\/edit/);
  await expect(page.getByRole('textbox', { name: 'City' })).toHaveValue('Paris');
  await page.getByRole('textbox', { name: 'Phone' }).fill('555-0111');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await saved(page);
  expect(await stored(request)).toMatchObject({ town: 'Paris', phone: '555-0111' });
});

test('removing an option says how many hold it; the holders stay editable', async ({ page, request }) => {
  for (const email of ['a@example.com', 'b@example.com']) {
    await request.post('/v1/contacts', {
      data: { fields: { email_address: email, plan: 'Starter' }, status: 'SUBSCRIBED' },
    });
  }
  await page.goto('/fields');
  await page.getByRole('link', { name: 'Edit Plan' }).click();
  await page.getByRole('button', { name: 'Remove option 1' }).click();
  await page.getByRole('button', { name: 'Save field' }).click();
  const dialog = page.getByRole('dialog', { name: 'Change the options of “Plan”?' });
  await expect(dialog.getByText('3 contacts hold “Starter”.')).toBeVisible();
  // The admin chooses, knowing the count, to leave the holders with a value that is no longer an option.
  await dialog
    .getByRole('combobox', { name: 'The holders of “Starter”' })
    .selectOption({ label: 'Leave them holding “Starter” (no longer an option)' });
  await dialog.getByRole('button', { name: 'Save field' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Fields' })).toBeVisible();

  await openContact(page);
  await expect(page.getByRole('combobox', { name: 'Plan' })).toHaveValue('Starter');
  await expect(page.getByRole('combobox', { name: 'Plan' }).locator('option:checked')).toHaveText(
    'Starter (no longer an option)',
  );
  await page.getByRole('textbox', { name: 'Company' }).fill('Acme');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await saved(page);
  expect(await stored(request)).toMatchObject({ company: 'Acme', plan: 'Starter' });
});
