import type { APIRequestContext, Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';
import { expect, test } from './fixtures.ts';

const FIELDS = [
  { label: 'Company', merge_tag: 'company', type: 'TEXT', required: true },
  { label: 'Age', merge_tag: 'age', type: 'NUMBER' },
  { label: 'Newsletter', merge_tag: 'newsletter', type: 'BOOLEAN' },
  { label: 'Birthday', merge_tag: 'birthday', type: 'DATE' },
  {
    label: 'Plan',
    merge_tag: 'plan',
    type: 'DROPDOWN_SINGLE',
    definition: 'Free,Pro,Team',
    default_value: 'Free',
    required: true,
  },
  { label: 'Interests', merge_tag: 'interests', type: 'DROPDOWN_MULTIPLE', definition: 'Golf,Chess,Opera' },
  { label: 'Country', merge_tag: 'country', type: 'COUNTRY' },
];

async function createFields(request: APIRequestContext) {
  for (const field of FIELDS) expect((await request.post('/v1/fields', { data: field })).status()).toBe(201);
}

/** Tabs from the top of the page until `name` has focus, as a keyboard user would. */
async function tabTo(page: Page, name: string) {
  for (let step = 0; step < 20; step++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      return element?.id ? document.querySelector(`label[for="${element.id}"]`)?.textContent?.replace('*', '') : null;
    });
    if (focused === name) return;
  }
  throw new Error(`Tab never reached ${name}`);
}

async function focusedName(page: Page) {
  return page.evaluate(() =>
    document.querySelector(`label[for="${document.activeElement?.id}"]`)?.textContent?.replace('*', ''),
  );
}

test('a contact entered by keyboard alone is stored with exactly the expected encoded values', async ({
  page,
  request,
  pageErrors,
}) => {
  await createFields(request);
  await page.goto('/contacts/new');
  await expect(page.getByRole('textbox', { name: 'Email Address' })).toBeVisible();
  await tabTo(page, 'Email Address');

  const typeAndTab = async (text: string, next: string) => {
    if (text) await page.keyboard.type(text);
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe(next);
  };
  await typeAndTab('tywin@example.com', 'First Name');
  await typeAndTab('Tywin', 'Last Name');
  await typeAndTab('Lannister', 'Company');
  await typeAndTab('Casterly Rock', 'Age');
  await typeAndTab('-61.5', 'Newsletter');
  await page.keyboard.press('Space');
  await typeAndTab('', 'Birthday');
  await page.keyboard.type('02291960');
  // The native date input takes Tab between its own month, day and year first.
  for (let step = 0; step < 3 && (await focusedName(page)) === 'Birthday'; step++) await page.keyboard.press('Tab');
  expect(await focusedName(page)).toBe('Plan');
  await typeAndTab('T', 'Interests');
  // Enter takes the highlighted option, as a person sees it highlighted first.
  const highlighted = (name: string) =>
    expect(page.getByRole('option', { name })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.type('ch');
  await highlighted('Chess');
  await page.keyboard.press('Enter');
  // As a person sees the filter clear before typing on (on a loaded machine the clear can trail the key).
  await expect(page.getByRole('combobox', { name: 'Interests' })).toHaveValue('');
  await page.keyboard.type('op');
  await highlighted('Opera');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await typeAndTab('', 'Country');
  await page.keyboard.type('germ');
  await page.keyboard.press('Enter');
  await typeAndTab('', 'Status');
  await page.keyboard.type('Unc');
  await page.keyboard.press('Tab');
  expect(await focusedName(page)).toBe('Tags');
  await page.keyboard.type('news');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+Enter');

  const saved = page.getByRole('region', { name: 'Contact saved' });
  await expect(saved).toContainText('tywin@example.com');
  await expect(saved).toContainText('Unconfirmed');
  await expect(saved).toContainText('newsletter');
  await expectNoAxeViolations(page, 'the contact form after a save');

  const found = await request.get('/v1/contacts/by-email?email=tywin@example.com');
  const { data: contact } = await found.json();
  expect(contact.status).toBe('UNCONFIRMED');
  expect(contact.tags).toEqual([{ id: 1, name: 'newsletter' }]);
  expect(contact.data).toEqual({
    email_address: 'tywin@example.com',
    first_name: 'Tywin',
    last_name: 'Lannister',
    company: 'Casterly Rock',
    age: -61.5,
    newsletter: true,
    birthday: '1960-02-29',
    plan: 'Team',
    interests: ['Chess', 'Opera'],
    country: 'DE',
  });
  expect(pageErrors).toEqual([]);
});

test('the contact form passes an axe scan, empty and with errors shown', async ({ page, request }) => {
  await createFields(request);
  await page.goto('/contacts/new');
  await expect(page.getByRole('textbox', { name: 'Email Address' })).toBeVisible();
  await expectNoAxeViolations(page, 'the empty contact form');
  await page.getByRole('textbox', { name: 'Age' }).fill('many');
  await page.getByRole('button', { name: 'Save contact' }).click();
  await expect(page.getByRole('textbox', { name: 'Email Address' })).toBeFocused();
  await expect(page.getByText('Company is required.')).toBeVisible();
  await expectNoAxeViolations(page, 'the contact form with errors');
  await page.getByRole('combobox', { name: 'Tags' }).fill('brand new tag');
  await expect(page.getByRole('option', { name: 'Create tag “brand new tag”' })).toBeVisible();
  await expectNoAxeViolations(page, 'the tag picker offering to create a tag');
});

test('Save pressed straight from a half-typed country lands, and shows every error at once', async ({
  page,
  request,
}) => {
  await createFields(request);
  const homeCountry = { label: 'Home country', merge_tag: 'home_country', type: 'COUNTRY', required: true };
  expect((await request.post('/v1/fields', { data: homeCountry })).status()).toBe(201);
  await page.goto('/contacts/new');
  await page.getByRole('combobox', { name: 'Home country' }).fill('g');
  // A person holds the button down for a moment; an error painted on leaving the picker in that
  // moment would move the button from under the pointer and swallow the click.
  await page.getByRole('button', { name: 'Save contact' }).click({ delay: 150 });
  await expect(page.getByText('Company is required.')).toBeVisible();
  await expect(page.getByText('Home country is required.')).toBeVisible();
});

test('the unsent form survives a reload', async ({ page, request }) => {
  await createFields(request);
  await page.goto('/contacts/new');
  await page.getByRole('textbox', { name: 'Email Address' }).fill('draft@example.com');
  await page.getByRole('textbox', { name: 'Company' }).fill('Draft Co');
  await page.waitForTimeout(400);
  await page.reload();
  await expect(page.getByText('Your unsent entries were restored.')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Email Address' })).toHaveValue('draft@example.com');
  await expect(page.getByRole('textbox', { name: 'Company' })).toHaveValue('Draft Co');
});
