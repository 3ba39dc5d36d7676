import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';
import { expect, test } from './fixtures.ts';

async function startField(page: Page, label: string, type: string) {
  await page.goto('/fields/new');
  await page.getByRole('textbox', { name: 'Label' }).fill(label);
  await page.getByRole('radio', { name: type }).check();
}

async function addOptions(page: Page, ...options: string[]) {
  const draft = page.getByRole('textbox', { name: 'New option' });
  for (const option of options) {
    await draft.fill(option);
    await draft.press('Enter');
  }
}

async function create(page: Page, label: string) {
  await page.getByRole('button', { name: 'Create field' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Field “${label}” created.` })).toBeVisible();
}

test('one field of each type, created through the form, is all there after a reload', async ({ page, pageErrors }) => {
  await startField(page, 'Company', 'Text');
  await page.getByRole('textbox', { name: 'Default value' }).fill('Acme');
  await page.getByRole('checkbox', { name: 'Required' }).check();
  await create(page, 'Company');

  await startField(page, 'Balance', 'Number');
  await page.getByRole('textbox', { name: 'Default value' }).fill('-3.5');
  await create(page, 'Balance');

  await startField(page, 'Likes cats', 'Yes / no');
  await page.getByRole('checkbox', { name: 'Default value' }).check();
  await create(page, 'Likes cats');

  await startField(page, 'Renewal', 'Date');
  await page.getByLabel('Default value').fill('2027-01-31');
  await create(page, 'Renewal');

  await startField(page, 'Plan', 'Single choice');
  await addOptions(page, 'Free', 'Pro', 'Team');
  await page.getByRole('combobox', { name: 'Default value' }).selectOption('Pro');
  await create(page, 'Plan');

  await startField(page, 'Interests', 'Multiple choice');
  await addOptions(page, 'Golf', 'Chess', 'Opera');
  await page.getByRole('combobox', { name: 'Default value' }).fill('op');
  await page.keyboard.press('Enter');
  await create(page, 'Interests');

  await startField(page, 'Home country', 'Country');
  await page.getByRole('combobox', { name: 'Default value' }).pressSequentially('germ');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('combobox', { name: 'Default value' })).toHaveValue('Germany');
  await create(page, 'Home country');

  await page.reload();
  const labels = page.getByRole('table').getByRole('rowheader');
  await expect(labels).toHaveText([
    'Email AddressLocked',
    'First Name',
    'Last Name',
    'Company',
    'Balance',
    'Likes cats',
    'Renewal',
    'Plan',
    'Interests',
    'Home country',
  ]);
  const row = (label: string) =>
    page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: label, exact: true }) });
  await expect(row('Company')).toContainText('Required');
  await expect(row('Balance')).toContainText('-3.5');
  await expect(row('Likes cats')).toContainText('Yes');
  await expect(row('Renewal')).toContainText('2027-01-31');
  await expect(row('Plan')).toContainText('Pro');
  await expect(row('Interests')).toContainText('Opera');
  await expect(row('Home country')).toContainText('Germany (DE)');

  const stored = await page.evaluate(async () => (await (await fetch('/v1/fields')).json()).data);
  expect(
    stored.slice(3).map((field: { type: string; default_value: string }) => [field.type, field.default_value]),
  ).toEqual([
    ['TEXT', 'Acme'],
    ['NUMBER', '-3.5'],
    ['BOOLEAN', 'true'],
    ['DATE', '2027-01-31'],
    ['DROPDOWN_SINGLE', 'Pro'],
    ['DROPDOWN_MULTIPLE', 'Opera'],
    ['COUNTRY', 'DE'],
  ]);
  expect(pageErrors).toEqual([]);
});

test('Create pressed straight from a label that clashes lands, and shows every error at once', async ({ page }) => {
  await page.goto('/fields/new');
  await page.getByRole('textbox', { name: 'Label' }).fill('email address');
  // Held down for a moment, as a person does: an error painted on leaving the label in that
  // moment would move the button from under the pointer and swallow the click.
  await page.getByRole('button', { name: 'Create field' }).click({ delay: 150 });
  await expect(page.getByText('Choose a type.')).toBeVisible();
  await expect(page.getByText('Another field is already labelled “Email Address”.')).toBeVisible();
});

test('the Fields list and the field form pass an axe scan, empty, with errors, and in the delete dialog', async ({
  page,
}) => {
  await page.goto('/fields');
  await expect(page.getByRole('table')).toBeVisible();
  await expectNoAxeViolations(page, 'the fields list');

  await page.getByRole('button', { name: 'Delete Last Name' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectNoAxeViolations(page, 'the delete dialog');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();

  await page.goto('/fields/new');
  await expect(page.getByRole('textbox', { name: 'Label' })).toBeVisible();
  await expectNoAxeViolations(page, 'the empty field form');

  await page.getByRole('button', { name: 'Create field' }).click();
  await expect(page.getByRole('textbox', { name: 'Label' })).toBeFocused();
  await expectNoAxeViolations(page, 'the field form with errors');

  await page.getByRole('radio', { name: 'Multiple choice' }).check();
  await addOptions(page, 'Red', 'red');
  await page.getByRole('combobox', { name: 'Default value' }).click();
  await expectNoAxeViolations(page, 'the options editor with an error and an open picker');

  await page.getByRole('radio', { name: 'Country' }).check();
  await page.getByRole('combobox', { name: 'Default value' }).pressSequentially('uni');
  await expect(page.getByRole('listbox', { name: 'Default value' })).toBeVisible();
  await expectNoAxeViolations(page, 'the country picker, open');
});

test('the dark scheme passes the same scans', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/fields');
  await expect(page.getByRole('table')).toBeVisible();
  await expectNoAxeViolations(page, 'the fields list, dark');
  await page.goto('/fields/new');
  await page.getByRole('button', { name: 'Create field' }).click();
  await page.getByRole('radio', { name: 'Single choice' }).check();
  await expectNoAxeViolations(page, 'the field form with errors, dark');
});

test('the form is usable at 375 px wide', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto('/fields/new');
  await expect(page.getByRole('textbox', { name: 'Label' })).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await page.goto('/fields');
  await expect(page.getByRole('table')).toBeVisible();
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
  ).toBeLessThanOrEqual(0);
});
