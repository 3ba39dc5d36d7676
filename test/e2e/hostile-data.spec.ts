import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

/** POSTs through the sandbox's 100-requests-a-second limit, waiting when it says so. */
async function post(request: APIRequestContext, path: string, data: unknown) {
  for (;;) {
    const answer = await request.post(path, { data });
    if (answer.status() !== 429) return answer;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

const SCRIPT_LABEL = '<img src=x onerror=alert(1)>';
const LONG_LABEL = 'Supercalifragilisticexpialidocio';
const THOUSAND = Array.from({ length: 1000 }, (_, n) => `Option ${n + 1}`);

function failOnDialogs(page: Page) {
  const opened: string[] = [];
  page.on('dialog', async (dialog) => {
    opened.push(dialog.message());
    await dialog.dismiss();
  });
  return opened;
}

async function expectNoHorizontalOverflow(page: Page, where: string) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `horizontal overflow on ${where}`).toBeLessThanOrEqual(0);
}

test('markup, quotes, emoji, right-to-left text and very long words from the API render as text', async ({
  page,
  request,
  pageErrors,
}) => {
  const dialogs = failOnDialogs(page);
  for (const field of [
    { label: SCRIPT_LABEL, merge_tag: 'sneaky', type: 'TEXT' },
    { label: 'שם המשפחה', merge_tag: 'hebrew', type: 'TEXT' },
    { label: '🎉 Party "O\'Brien" 🎉', merge_tag: 'party', type: 'TEXT' },
    { label: LONG_LABEL, merge_tag: 'long', type: 'TEXT' },
    {
      label: 'Choice',
      merge_tag: 'choice',
      type: 'DROPDOWN_SINGLE',
      definition: '<script>alert(2)</script>,"quoted",مرحبا',
    },
    { label: 'Huge list', merge_tag: 'huge', type: 'DROPDOWN_SINGLE', definition: THOUSAND.join(',') },
  ]) {
    expect((await post(request, '/v1/fields', field)).status()).toBe(201);
  }
  expect(
    (
      await post(request, '/v1/tags', { name: '<b>bold</b> & "tag"', description: '<script>alert(3)</script>' })
    ).status(),
  ).toBe(201);
  const contact = await post(request, '/v1/contacts', {
    fields: {
      email_address: 'x@example.com',
      sneaky: '<script>alert("value")</script>',
      choice: '<script>alert(2)</script>',
      huge: 'Option 1000',
    },
    status: 'SUBSCRIBED',
    tags: [3],
  });
  expect(contact.status()).toBe(201);

  await page.goto('/fields');
  await expect(page.getByRole('rowheader', { name: SCRIPT_LABEL })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: LONG_LABEL })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: 'שם המשפחה' })).toBeVisible();
  await expectNoHorizontalOverflow(page, 'the fields list');

  await page.goto('/contacts/new');
  await expect(page.getByRole('textbox', { name: SCRIPT_LABEL })).toBeVisible();
  await expect(page.getByRole('textbox', { name: '🎉 Party "O\'Brien" 🎉' })).toBeVisible();
  await expect(
    page.getByRole('combobox', { name: 'Choice' }).getByRole('option', { name: '<script>alert(2)</script>' }),
  ).toHaveCount(1);
  await expect(page.getByRole('combobox', { name: 'Huge list' }).getByRole('option')).toHaveCount(1001);
  await expectNoHorizontalOverflow(page, 'the contact form');

  await page.goto('/contacts');
  await expect(page.getByRole('cell', { name: '<b>bold</b> & "tag"' })).toBeVisible();
  await page.getByText('Columns', { exact: true }).click();
  await page.getByRole('checkbox', { name: SCRIPT_LABEL }).check();
  await expect(page.getByRole('cell', { name: '<script>alert("value")</script>' })).toBeVisible();

  await page.goto('/contacts/edit?email=x@example.com');
  await expect(page.getByRole('textbox', { name: SCRIPT_LABEL })).toHaveValue('<script>alert("value")</script>');
  await expect(page.getByRole('combobox', { name: 'Huge list' })).toHaveValue('Option 1000');

  await page.goto('/tags');
  await expect(page.getByRole('rowheader', { name: '<b>bold</b> & "tag"' })).toBeVisible();
  await expect(page.getByRole('cell', { name: '<script>alert(3)</script>' })).toBeVisible();

  expect(dialogs, 'script from the data ran').toEqual([]);
  expect(pageErrors).toEqual([]);
});

test('a workspace of 500 fields gives a form that loads, takes typing and saves', async ({
  page,
  request,
  pageErrors,
}) => {
  test.setTimeout(90_000);
  const types = ['TEXT', 'NUMBER', 'BOOLEAN', 'DATE', 'DROPDOWN_SINGLE', 'DROPDOWN_MULTIPLE', 'COUNTRY'];
  for (let n = 0; n < 497; n++) {
    const type = types[n % types.length]!;
    const letters = n
      .toString(26)
      .split('')
      .map((digit) => String.fromCharCode(97 + parseInt(digit, 26)))
      .join('');
    const field = {
      label: `Field ${n}`,
      merge_tag: `f_${letters}`,
      type,
      ...(type.startsWith('DROPDOWN') ? { definition: 'One,Two,Three' } : {}),
    };
    expect((await post(request, '/v1/fields', field)).status()).toBe(201);
  }
  await page.goto('/contacts/new');
  const last = page.getByRole('textbox', { name: 'Field 490' });
  await expect(last).toBeVisible({ timeout: 15_000 });
  await page.getByRole('textbox', { name: 'Email Address' }).fill('many@example.com');
  await last.pressSequentially('typed at the end');
  await expect(last).toHaveValue('typed at the end');
  await page.getByRole('button', { name: 'Save contact' }).click();
  await expect(page.getByRole('region', { name: 'Contact saved' })).toBeVisible({ timeout: 15_000 });
  const stored = await (await request.get('/v1/contacts/by-email?email=many@example.com')).json();
  expect(stored.data.data.f_sw).toBe('typed at the end');
  expect(pageErrors).toEqual([]);
});
