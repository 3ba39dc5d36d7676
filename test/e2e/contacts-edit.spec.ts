import { expectNoAxeViolations } from './axe.ts';
import { expect, test } from './fixtures.ts';

test.beforeEach(async ({ request }) => {
  for (const field of [
    { label: 'Plan', merge_tag: 'plan', type: 'DROPDOWN_SINGLE', definition: 'Free,Pro,Team' },
    { label: 'Country', merge_tag: 'country', type: 'COUNTRY' },
  ]) {
    expect((await request.post('/v1/fields', { data: field })).status()).toBe(201);
  }
  for (const [email, plan, country] of [
    ['arya@example.com', 'Free', 'GB'],
    ['sansa@example.com', 'Pro', 'FR'],
    ['bran@example.com', 'Team', 'DE'],
  ]) {
    const answer = await request.post('/v1/contacts', {
      data: { fields: { email_address: email, plan, country }, status: 'SUBSCRIBED', tags: [1] },
    });
    expect(answer.status()).toBe(201);
  }
});

test('find a contact by email, change a dropdown and a country, save, and see it after a reload', async ({
  page,
  pageErrors,
}) => {
  await page.goto('/contacts');
  await page.getByRole('searchbox', { name: 'Search by email' }).fill('sansa');
  await expect(page.getByText('1 contact', { exact: true })).toBeVisible();
  await expect(page).toHaveURL(/q=sansa/);
  await page.getByRole('link', { name: 'sansa@example.com' }).click();

  await expect(page.getByRole('combobox', { name: 'Plan' })).toHaveValue('Pro');
  await page.getByRole('combobox', { name: 'Plan' }).selectOption('Team');
  const country = page.getByRole('combobox', { name: 'Country' });
  await expect(country).toHaveValue('France');
  await country.fill('');
  await country.pressSequentially('spain');
  await page.keyboard.press('Enter');
  await expect(country).toHaveValue('Spain');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Changes to sansa@example.com saved.' })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Plan' })).toHaveValue('Team');
  await expect(page.getByRole('combobox', { name: 'Country' })).toHaveValue('Spain');
  const stored = await page.evaluate(
    async () => (await (await fetch('/v1/contacts/by-email?email=sansa@example.com')).json()).data.data,
  );
  expect(stored).toEqual({ email_address: 'sansa@example.com', plan: 'Team', country: 'ES' });
  expect(pageErrors).toEqual([]);
});

test('the contacts list, the edit form and the tags page pass an axe scan', async ({ page }) => {
  await page.goto('/contacts?field=plan&op=EQUALS&value=Pro');
  await expect(page.getByText('1 contact', { exact: true })).toBeVisible();
  await page.getByText('Columns', { exact: true }).click();
  await page.getByRole('checkbox', { name: 'Country' }).check();
  await expectNoAxeViolations(page, 'the contacts list, filtered, with a field column');

  await page.goto('/contacts/edit?email=arya@example.com');
  await expect(page.getByRole('combobox', { name: 'Plan' })).toHaveValue('Free');
  await page.getByRole('textbox', { name: 'Email Address' }).fill('not an address');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Enter an email address, such as name@example.com.')).toBeVisible();
  await expectNoAxeViolations(page, 'the edit form with an error');

  await page.goto('/tags');
  await expect(page.getByRole('table')).toBeVisible();
  await expectNoAxeViolations(page, 'the tags page');
  await page.getByRole('button', { name: 'Edit newsletter' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectNoAxeViolations(page, 'the edit tag dialog');
});
