import { expect, test } from './fixtures.ts';

test('select every contact matching a search, add a tag to all of them as a job, and undo it', async ({
  page,
  request,
  pageErrors: _,
}) => {
  for (let n = 1; n <= 55; n++) {
    const email = `lead${String(n).padStart(2, '0')}@example.com`;
    const answer = await request.post('/v1/contacts', {
      data: { fields: { email_address: email }, status: 'SUBSCRIBED' },
    });
    expect(answer.status()).toBe(201);
  }
  await page.goto('/contacts?q=lead');
  await page.getByRole('checkbox', { name: 'Select all on this page' }).check();
  await page.getByRole('button', { name: 'Select all 55 contacts matching this search' }).click();
  const selection = page.getByRole('region', { name: 'Selection' });
  await expect(selection.getByRole('status')).toHaveText('55 selected');

  await selection.getByRole('button', { name: 'Add tags' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add tags?' });
  await dialog.getByRole('combobox', { name: 'Tags' }).fill('custom');
  await dialog.getByRole('option', { name: 'customer' }).click();
  await expect(dialog.getByRole('button', { name: 'Remove customer' })).toBeVisible();
  await dialog.getByRole('heading', { name: 'Add tags?' }).click();
  await dialog.getByRole('button', { name: 'Add tags' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Add tags “customer” · 55 contacts');
  await expect(page.getByRole('progressbar', { name: 'Job progress' })).toHaveAttribute(
    'aria-valuetext',
    /^55 of 55 rows/,
    {
      timeout: 15_000,
    },
  );
  const tagged = await (await request.get('/v1/contacts/by-email?email=lead55@example.com')).json();
  expect(tagged.data.tags.map((tag: { name: string }) => tag.name)).toEqual(['customer']);

  await page.getByRole('button', { name: 'Undo this job' }).click();
  await page.getByRole('dialog', { name: 'Undo this job?' }).getByRole('button', { name: 'Undo this job' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Undo: Add tags/);
  await expect(page.getByRole('progressbar', { name: 'Job progress' })).toHaveAttribute(
    'aria-valuetext',
    /^55 of 55 rows/,
    {
      timeout: 15_000,
    },
  );
  const untagged = await (await request.get('/v1/contacts/by-email?email=lead55@example.com')).json();
  expect(untagged.data.tags).toEqual([]);
});
